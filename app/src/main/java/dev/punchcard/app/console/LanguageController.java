package dev.punchcard.app.console;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The language switch: remembers the choice in a cookie and goes back to the page. */
@Controller
class LanguageController {

	@GetMapping("/console/language")
	Mono<Void> choose(@RequestParam String lang, @RequestParam(defaultValue = "/console") String back,
			ServerWebExchange exchange) {
		Locale chosen = ConsoleLocales.supported(lang);
		if (chosen != null) {
			new ConsoleLocales().setLocaleContext(exchange, new SimpleLocaleContext(chosen));
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.SEE_OTHER);
		// only a path on this site: never an open redirect
		boolean local = back.matches("/(?!/)[A-Za-z0-9/_?=&.%-]{0,200}");
		response.getHeaders().setLocation(URI.create(local ? back : "/console"));
		return response.setComplete();
	}

}
