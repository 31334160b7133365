package dev.punchcard.app.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.analytics.application.AnalyticsOutcome;
import dev.punchcard.core.analytics.application.AnalyticsRequest;
import dev.punchcard.core.analytics.application.ShowAnalytics;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.segment.application.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The analytics reports ({@code /api/v1/analytics/{report}}) for a range of local dates
 * ({@code from}, {@code to}; the last 30 days by default) in a zone ({@code zone}, the
 * program's by default), at one store ({@code store}, a code) or all, with series by
 * {@code grain} ({@code day} or {@code week}). JSON, or CSV with {@code Accept: text/csv}
 * or {@code format=csv}. A cashier sees their own store only.
 */
@RestController
class AnalyticsController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Map<String, Function<AnalyticsRequest, Mono<? extends AnalyticsOutcome<?>>>> reports;

	private final ZoneId programZone;

	private final String currency;

	private final Clock clock;

	AnalyticsController(ShowAnalytics analytics, LoyaltyProgram loyalty, Clock clock) {
		this.reports = Map.of("members", analytics::members, "sales", analytics::sales, "products", analytics::products,
				"points", analytics::points, "rewards", analytics::rewards, "tiers", analytics::tiers, "referrals",
				analytics::referrals, "broadcasts", analytics::broadcasts);
		this.programZone = analytics.programZone();
		this.currency = loyalty.currency().getCurrencyCode();
		this.clock = clock;
	}

	@GetMapping("/api/v1/analytics/{report}")
	Mono<ResponseEntity<Object>> report(@PathVariable String report,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String zone,
			@RequestParam(required = false) @Nullable String store,
			@RequestParam(required = false) @Nullable String grain,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal Jwt token) {
		var answer = this.reports.get(report);
		if (answer == null) {
			return Mono.just(Problems.notFound("There is no analytics report " + report + "; there are "
					+ String.join(", ", this.reports.keySet().stream().sorted().toList()) + "."));
		}
		List<FieldError> errors = new ArrayList<>();
		AnalyticsRequest request = request(new Params(from, to, zone, store, grain), CurrentStaff.of(token), errors);
		boolean csv = csv(format, accept, errors);
		if (request == null || !errors.isEmpty()) {
			return Mono.just(SegmentController.invalid(errors));
		}
		return answer.apply(request).map((outcome) -> render(report, outcome, csv));
	}

	private record Params(@Nullable String from, @Nullable String to, @Nullable String zone, @Nullable String store,
			@Nullable String grain) {
	}

	private @Nullable AnalyticsRequest request(Params params, CurrentStaff staff, List<FieldError> errors) {
		ZoneId zoneId = zone(params.zone(), errors);
		LocalDate today = LocalDate.now(this.clock.withZone((zoneId != null) ? zoneId : this.programZone));
		LocalDate toDate = date(params.to(), "to", today, errors);
		LocalDate fromDate = date(params.from(), "from", (toDate != null) ? toDate.minusDays(29) : today, errors);
		Grain grainValue = grain(params.grain(), errors);
		if (params.store() != null && params.store().isBlank()) {
			errors.add(new FieldError("store", "must be a store code"));
		}
		if (zoneId == null || toDate == null || fromDate == null || grainValue == null || !errors.isEmpty()) {
			return null;
		}
		return new AnalyticsRequest(fromDate, toDate, zoneId, params.store(), grainValue, staff.role(),
				staff.storeCode());
	}

	private @Nullable ZoneId zone(@Nullable String zone, List<FieldError> errors) {
		if (zone == null) {
			return this.programZone;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException wrong) {
			errors.add(new FieldError("zone", "must be an IANA time zone such as Europe/Berlin"));
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String value, String name, LocalDate otherwise,
			List<FieldError> errors) {
		if (value == null) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException wrong) {
			errors.add(new FieldError(name, "must be a date like 2026-11-29"));
			return null;
		}
	}

	private static @Nullable Grain grain(@Nullable String value, List<FieldError> errors) {
		if (value == null) {
			return Grain.DAY;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "day" -> Grain.DAY;
			case "week" -> Grain.WEEK;
			default -> {
				errors.add(new FieldError("grain", "must be day or week"));
				yield null;
			}
		};
	}

	private static boolean csv(@Nullable String format, @Nullable String accept, List<FieldError> errors) {
		if (format != null) {
			if (!format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
				errors.add(new FieldError("format", "must be json or csv"));
			}
			return format.equalsIgnoreCase("csv");
		}
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")
				&& !accept.toLowerCase(Locale.ROOT).contains("application/json");
	}

	private ResponseEntity<Object> render(String report, AnalyticsOutcome<?> outcome, boolean csv) {
		return switch (outcome) {
			case AnalyticsOutcome.Answered<?> answered -> csv ? csv(report, answered) : json(report, answered);
			case AnalyticsOutcome.Invalid<?> invalid ->
				SegmentController.invalid(List.of(new FieldError(invalid.parameter(), invalid.reason())));
			case AnalyticsOutcome.Forbidden<?> forbidden ->
				Problems.of(HttpStatus.FORBIDDEN, "Forbidden", forbidden.reason());
		};
	}

	private ResponseEntity<Object> json(String report, AnalyticsOutcome.Answered<?> answered) {
		AnalyticsQuery query = answered.query();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new AnalyticsResponse(report, query.from(), query.to(), query.zone().getId(),
					(query.store() != null) ? query.store().toString() : null,
					query.grain().name().toLowerCase(Locale.ROOT), this.currency,
					AnalyticsResponses.of(answered.report())));
	}

	private static ResponseEntity<Object> csv(String report, AnalyticsOutcome.Answered<?> answered) {
		AnalyticsQuery query = answered.query();
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("analytics-" + report + "-" + query.from() + "-" + query.to() + ".csv")
						.build()
						.toString())
			.body(AnalyticsCsv.of(answered.report()));
	}

	/**
	 * A report with the question it answers; amounts in minor units of {@code currency}.
	 */
	record AnalyticsResponse(String report, LocalDate from, LocalDate to, String zone, @Nullable String storeId,
			String grain, String currency, Object data) {
	}

}
