package dev.punchcard.app.api;

import java.net.InetSocketAddress;
import java.time.Duration;

import dev.punchcard.app.security.LoginAttempts;
import dev.punchcard.app.security.StaffTokens;
import dev.punchcard.app.security.StaffTokens.IssuedToken;
import dev.punchcard.core.staff.application.AuthenticateStaff;
import dev.punchcard.core.staff.domain.StaffMember;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Staff log in with username and password and get a short-lived bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final AuthenticateStaff authenticate;

	private final LoginAttempts attempts;

	private final StaffTokens tokens;

	private final Stores stores;

	AuthController(AuthenticateStaff authenticate, LoginAttempts attempts, StaffTokens tokens, Stores stores) {
		this.authenticate = authenticate;
		this.attempts = attempts;
		this.tokens = tokens;
		this.stores = stores;
	}

	@PostMapping("/token")
	Mono<ResponseEntity<Object>> token(@Valid @RequestBody TokenRequest request, ServerWebExchange exchange) {
		return this.attempts.attempt(request.username(), clientAddress(exchange))
			.flatMap((wait) -> wait.isZero() ? login(request) : Mono.just(tooMany(wait)));
	}

	private Mono<ResponseEntity<Object>> login(TokenRequest request) {
		return this.authenticate.authenticate(request.username(), request.password())
			.flatMap(this::issue)
			.switchIfEmpty(Mono.fromSupplier(
					() -> Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", "Unknown username or wrong password.")));
	}

	private Mono<ResponseEntity<Object>> issue(StaffMember member) {
		Mono<String> storeCode = member.storeId() == null ? Mono.empty()
				: this.stores.findById(member.storeId()).map(Store::code);
		return storeCode.map((code) -> this.tokens.issue(member, code))
			.switchIfEmpty(Mono.fromSupplier(() -> this.tokens.issue(member, null)))
			.map((IssuedToken token) -> ResponseEntity.ok(token));
	}

	private static ResponseEntity<Object> tooMany(Duration wait) {
		ResponseEntity<Object> problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many login attempts",
				"Too many login attempts; try again in " + wait.toSeconds() + " seconds.");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.headers(problem.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
			.body(problem.getBody());
	}

	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	record TokenRequest(@NotBlank @Size(max = 64) @CleanText String username,
			@NotBlank @Size(max = 128) @CleanText String password) {

		@Override
		public String toString() {
			return "TokenRequest[" + this.username + "]";
		}

	}

}
