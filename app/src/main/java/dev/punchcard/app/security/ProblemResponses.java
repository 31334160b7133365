package dev.punchcard.app.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes 401 and 403 from the security filters as RFC 7807 problem+json, like every other
 * error.
 */
@Component
public class ProblemResponses {

	/** The detail of every 401: no valid bearer token. */
	public static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required: get one from POST /api/v1/auth/token.";

	/** The detail of every 403 for a role the endpoint does not admit. */
	public static final String FORBIDDEN_DETAIL = "Your role may not use this endpoint.";

	private final ObjectMapper json;

	ProblemResponses(ObjectMapper json) {
		this.json = json;
	}

	Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
	}

	Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException ex) {
		return write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL);
	}

	/**
	 * A request the firewall refuses before any filter sees it (an encoded NUL, slash or
	 * percent in the path, a malformed header): 400, not an empty body.
	 */
	Mono<Void> rejected(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		return write(exchange, HttpStatus.BAD_REQUEST,
				"The request was rejected: its path or headers hold characters the service does not accept.");
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		instance(exchange.getRequest().getPath().value()).ifPresent(problem::setInstance);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		try {
			byte[] body = this.json.writeValueAsBytes(problem);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
	}

	/**
	 * The path as the problem's instance, unless it is not even a valid URI reference.
	 */
	private static Optional<URI> instance(String path) {
		try {
			return Optional.of(new URI(path));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

}
