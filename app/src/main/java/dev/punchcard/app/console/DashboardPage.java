package dev.punchcard.app.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.punchcard.core.analytics.application.AnalyticsOutcome;
import dev.punchcard.core.analytics.application.AnalyticsRequest;
import dev.punchcard.core.analytics.application.ShowAnalytics;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.store.application.Stores;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Marketers and administrators read the dashboard: members joined, sales, points issued
 * and redeemed per day (per week over more than {@value #DAILY_UP_TO_DAYS} days), the
 * best-selling products, the points outstanding and their liability, for a date range in
 * the program's zone and one store or all. The numbers come from the analytics reports;
 * the page carries them as JSON for Chart.js and as tables.
 */
@Controller
class DashboardPage {

	/** The range shown unless one is asked for: the last 30 days. */
	static final int DEFAULT_DAYS = 30;

	/** Longer ranges are shown per week. */
	static final int DAILY_UP_TO_DAYS = 92;

	private final ShowAnalytics analytics;

	private final Stores stores;

	private final DashboardCharts charts;

	private final Clock clock;

	DashboardPage(ShowAnalytics analytics, Stores stores, DashboardCharts charts, Clock clock) {
		this.analytics = analytics;
		this.stores = stores;
		this.charts = charts;
		this.clock = clock;
	}

	@GetMapping("/console/dashboard")
	Mono<String> show(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String store,
			@AuthenticationPrincipal ConsoleUser user, Locale locale, ServerWebExchange exchange, Model model) {
		ZoneId zone = this.analytics.programZone();
		LocalDate last = date(to, LocalDate.now(this.clock.withZone(zone)));
		LocalDate first = date(from, last.minusDays(DEFAULT_DAYS - 1));
		String storeCode = (store == null || store.isBlank()) ? null : store.strip();
		Grain grain = (first.plusDays(DAILY_UP_TO_DAYS).isAfter(last)) ? Grain.DAY : Grain.WEEK;
		AnalyticsRequest request = new AnalyticsRequest(first, last, zone, storeCode, grain, user.role(),
				user.storeCode());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("store", (storeCode == null) ? "" : storeCode);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("currency", this.charts.currency());
		model.addAttribute("stores", this.stores.all().collectList());
		return Mono
			.zip(this.analytics.members(request), this.analytics.sales(request), this.analytics.products(request),
					this.analytics.points(request))
			.map((reports) -> render(
					DashboardCharts.Answers.of(reports.getT1(), reports.getT2(), reports.getT3(), reports.getT4()),
					first, last, grain, locale, exchange, model));
	}

	private String render(DashboardCharts.Answers answers, LocalDate first, LocalDate last, Grain grain, Locale locale,
			ServerWebExchange exchange, Model model) {
		switch (answers.refusal()) {
			case null -> {
				model.addAttribute("answers", answers);
				model.addAttribute("charts", this.charts.json(answers, first, last, grain, locale));
			}
			case AnalyticsOutcome.Invalid<?> invalid -> {
				exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
				model.addAttribute("problem", "dashboard.invalid." + invalid.parameter());
			}
			case AnalyticsOutcome.Forbidden<?> forbidden -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case AnalyticsOutcome.Answered<?> answered -> throw new IllegalStateException("not a refusal");
		}
		return "console/dashboard";
	}

	private static LocalDate date(@Nullable String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException wrong) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

}
