package dev.punchcard.app.console;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every console page needs: the CSRF token (a hidden field in forms, a meta tag that
 * htmx sends as a header), the logged-in staff member and the page's language.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
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

	@ModelAttribute("lang")
	String language(Locale locale) {
		return locale.getLanguage();
	}

}
