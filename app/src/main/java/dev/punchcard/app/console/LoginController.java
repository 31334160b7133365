package dev.punchcard.app.console;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.punchcard.app.security.LoginAttempts;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.staff.application.AuthenticateStaff;
import dev.punchcard.core.staff.domain.StaffMember;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Staff log in with the same credentials and the same throttling as
 * {@code POST /api/v1/auth/token}; the session (a new id at login, so a planted one is
 * worthless) then carries who they are.
 */
@Controller
class LoginController {

	private static final String CSRF_ATTRIBUTE = WebSessionServerCsrfTokenRepository.class.getName()
		.concat(".CSRF_TOKEN");

	private final AuthenticateStaff authenticate;

	private final LoginAttempts attempts;

	private final Stores stores;

	private final WebSessionServerSecurityContextRepository contexts;

	LoginController(AuthenticateStaff authenticate, LoginAttempts attempts, Stores stores,
			WebSessionServerSecurityContextRepository consoleSecurityContexts) {
		this.authenticate = authenticate;
		this.attempts = attempts;
		this.stores = stores;
		this.contexts = consoleSecurityContexts;
	}

	@GetMapping("/")
	Mono<Void> root(ServerWebExchange exchange) {
		return redirect(exchange, "/console");
	}

	@GetMapping("/login")
	String page(ServerWebExchange exchange, Model model) {
		if (exchange.getRequest().getQueryParams().containsKey("logout")) {
			model.addAttribute("notice", "login.logged-out");
		}
		return "console/login";
	}

	@PostMapping("/login")
	Mono<String> login(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> login(exchange, form, model));
	}

	private Mono<String> login(ServerWebExchange exchange, MultiValueMap<String, String> form, Model model) {
		String username = field(form, "username", 64);
		String password = field(form, "password", 128);
		model.addAttribute("username", username);
		if (username.isBlank() || password.isEmpty() || !PlainText.isSingleLine(username)) {
			return refused(exchange, model, HttpStatus.UNAUTHORIZED, "login.wrong", List.of());
		}
		return this.attempts.attempt(username, clientAddress(exchange))
			.flatMap((wait) -> wait.isZero() ? check(exchange, username, password, model)
					: throttled(exchange, model, wait));
	}

	private Mono<String> check(ServerWebExchange exchange, String username, String password, Model model) {
		return this.authenticate.authenticate(username, password)
			.flatMap((member) -> storeCodeOf(member).map((code) -> ConsoleUser.of(member, code))
				.defaultIfEmpty(ConsoleUser.of(member, null)))
			.flatMap((user) -> start(exchange, user))
			.switchIfEmpty(
					Mono.defer(() -> refused(exchange, model, HttpStatus.UNAUTHORIZED, "login.wrong", List.of())));
	}

	private Mono<String> storeCodeOf(StaffMember member) {
		return (member.storeId() == null) ? Mono.empty() : this.stores.findById(member.storeId()).map(Store::code);
	}

	private Mono<String> start(ServerWebExchange exchange, ConsoleUser user) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
		return exchange.getSession()
			.flatMap((session) -> renew(session))
			.then(this.contexts.save(exchange, new SecurityContextImpl(authentication)))
			.thenReturn("redirect:/console");
	}

	private static Mono<Void> renew(WebSession session) {
		// a fresh CSRF token too: the one from before the login is not carried over
		session.getAttributes().remove(CSRF_ATTRIBUTE);
		return session.changeSessionId();
	}

	private static Mono<String> throttled(ServerWebExchange exchange, Model model, Duration wait) {
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
		return refused(exchange, model, HttpStatus.TOO_MANY_REQUESTS, "login.throttled",
				List.of(Math.max(1, wait.toSeconds())));
	}

	private static Mono<String> refused(ServerWebExchange exchange, Model model, HttpStatus status, String key,
			List<Object> arguments) {
		exchange.getResponse().setStatusCode(status);
		model.addAttribute("error", key);
		model.addAttribute("errorArguments", arguments.toArray());
		return Mono.just("console/login");
	}

	private static String field(MultiValueMap<String, String> form, String name, int max) {
		String value = form.getFirst(name);
		if (value == null) {
			return "";
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	static Mono<Void> redirect(ServerWebExchange exchange, String path) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(path));
		return exchange.getResponse().setComplete();
	}

	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote == null || remote.getAddress() == null) ? "unknown" : remote.getAddress().getHostAddress();
	}

}
