package dev.punchcard.app.console;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Errors on the console's paths as a readable page in the staff member's language, never
 * a stack trace or JSON: refusals (403, CSRF included), unknown pages (404), the session
 * store being unreachable (503) and anything unexpected (500, logged once here). The page
 * is written without the session or a template, so it renders even when Redis is down.
 * Requests outside the console go on to the API's handlers.
 */
@Component
@Order(-2)
class ConsoleErrors implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	private final ServerWebExchangeMatcher console = ServerWebExchangeMatchers.pathMatchers(ConsoleSecurity.PATHS);

	private final MessageSource messages;

	private final LocaleContextResolver locales;

	ConsoleErrors(MessageSource messages, LocaleContextResolver localeContextResolver) {
		this.messages = messages;
		this.locales = localeContextResolver;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		return this.console.matches(exchange)
			.flatMap((match) -> match.isMatch() ? page(exchange, error) : Mono.error(error));
	}

	/** The security chain's refusals: a role that may not, or a missing CSRF token. */
	Mono<Void> denied(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, HttpStatus.FORBIDDEN,
				(denied instanceof CsrfException) ? "error.csrf" : "error.forbidden");
	}

	private Mono<Void> page(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			return write(exchange, status.getStatusCode(),
					status.getStatusCode().value() == 404 ? "error.not-found" : "error.bad-request");
		}
		if (sessionStoreDown(error)) {
			log.warn("Console request {} failed: the session store is unreachable ({})",
					exchange.getRequest().getPath(), error.toString());
			return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
		}
		log.error("Console request {} failed", exchange.getRequest().getPath(), error);
		return write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String key) {
		Locale locale = this.locales.resolveLocaleContext(exchange).getLocale();
		Locale language = (locale == null) ? Locale.ENGLISH : locale;
		String title = text("error.title", language);
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title><link rel="stylesheet" href="/console/assets/console.css"></head>
				<body><main class="error-page"><h1>%s</h1><p class="message error" id="error-message">%s</p>
				<p><a href="/console">%s</a></p></main></body></html>
				""".formatted(language.getLanguage(), escape(title), escape(title), escape(text(key, language)),
				escape(text("error.back", language)));
		exchange.getResponse().setStatusCode(status);
		exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		return exchange.getResponse()
			.writeWith(Mono.fromSupplier(
					() -> exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static boolean sessionStoreDown(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisConnectionFailureException || cause instanceof RedisSystemException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof io.lettuce.core.RedisException) {
				return true;
			}
		}
		return false;
	}

}
