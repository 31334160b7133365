package dev.punchcard.app.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The console's language: the one chosen with the switch (kept in a cookie), else the
 * best of English and Russian for the browser's {@code Accept-Language}, else English.
 * Requests outside the console keep Spring's plain {@code Accept-Language} resolution.
 */
class ConsoleLocales implements LocaleContextResolver {

	static final String COOKIE = "punchcard-lang";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	private final AcceptHeaderLocaleContextResolver accepted = new AcceptHeaderLocaleContextResolver();

	private final AcceptHeaderLocaleContextResolver others = new AcceptHeaderLocaleContextResolver();

	ConsoleLocales() {
		this.accepted.setSupportedLocales(SUPPORTED);
		this.accepted.setDefaultLocale(Locale.ENGLISH);
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		if (!isConsole(exchange.getRequest().getPath().value())) {
			return this.others.resolveLocaleContext(exchange);
		}
		Locale chosen = supported(exchange.getRequest().getCookies().getFirst(COOKIE));
		if (chosen != null) {
			return new SimpleLocaleContext(chosen);
		}
		Locale locale = this.accepted.resolveLocaleContext(exchange).getLocale();
		Locale language = (locale == null) ? null : supported(locale.getLanguage());
		return new SimpleLocaleContext((language == null) ? Locale.ENGLISH : language);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext context) {
		Locale locale = (context == null) ? null : context.getLocale();
		exchange.getResponse()
			.addCookie(ResponseCookie.from(COOKIE, (locale == null) ? "" : locale.getLanguage())
				.path("/")
				.httpOnly(true)
				.sameSite("Lax")
				.maxAge((locale == null) ? Duration.ZERO : Duration.ofDays(365))
				.build());
	}

	static @Nullable Locale supported(@Nullable String language) {
		return SUPPORTED.stream().filter((locale) -> locale.getLanguage().equals(language)).findFirst().orElse(null);
	}

	private static @Nullable Locale supported(@Nullable HttpCookie cookie) {
		return (cookie == null) ? null : supported(cookie.getValue());
	}

	private static boolean isConsole(String path) {
		return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.startsWith("/console");
	}

}
