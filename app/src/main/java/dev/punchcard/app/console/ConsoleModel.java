package dev.punchcard.app.console;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every console page needs: the CSRF token (a hidden field in forms, a meta tag that
 * htmx sends as a header), the logged-in staff member and the page's language.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token == null) ? Mono.empty() : token;
	}

	@ModelAttribute("user")
	@Nullable ConsoleUser user(@AuthenticationPrincipal @Nullable ConsoleUser user) {
		return user;
	}

	/** The page's own path, for the language switch to come back to. */
	@ModelAttribute("here")
	String here(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}

	/**
	 * Errors of console handlers go on to {@link ConsoleErrors} (a readable page), not to
	 * the API's problem+json handler.
	 */
	@ExceptionHandler(Throwable.class)
	Mono<Void> propagate(Throwable error) {
		return Mono.error(error);
	}

	@ModelAttribute("lang")
	String language(Locale locale) {
		return locale.getLanguage();
	}

}
