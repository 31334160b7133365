package dev.punchcard.app.api;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns framework and unexpected errors into problem+json: client mistakes are 4xx with a
 * clear detail, anything else is a 500 that reveals nothing.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return Mono.just(Problems.badRequest(Problems.fieldErrors(ex.getFieldErrors())));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (causedBy(ex, DataBufferLimitException.class)) {
			return Mono.just(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
					"The request body is larger than the service accepts."));
		}
		String detail = causedBy(ex, DecodingException.class)
				? "The request body is not valid JSON for this endpoint, or a value is out of range."
				: causedBy(ex, TypeMismatchException.class) ? mismatch(ex.getMethodParameter())
						: ex.getReason() == null ? "The request is invalid." : ex.getReason();
		return Mono.just(Problems.badRequest(detail));
	}

	/**
	 * A path variable or query parameter that does not convert: which one, and what it
	 * must be.
	 */
	private static String mismatch(@Nullable MethodParameter parameter) {
		if (parameter == null || parameter.getParameterName() == null) {
			return "A path variable or query parameter has the wrong type.";
		}
		Class<?> type = parameter.getParameterType();
		String expected = (type == UUID.class) ? "a UUID like 123e4567-e89b-12d3-a456-426614174000"
				: (type == boolean.class || type == Boolean.class) ? "true or false"
						: (type == int.class || type == Integer.class || type == long.class || type == Long.class)
								? "a whole number in range" : "a " + type.getSimpleName();
		return parameter.getParameterName() + " must be " + expected + ".";
	}

	/**
	 * Framework errors (405, 406, 413, 415, ...) keep their status and always get a
	 * readable detail.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return super.handleExceptionInternal(ex, body, headers, status, exchange).map(ApiExceptionHandler::withDetail);
	}

	private static ResponseEntity<Object> withDetail(ResponseEntity<Object> response) {
		if (response.getBody() instanceof ProblemDetail problem && problem.getDetail() == null) {
			problem.setDetail(response.getStatusCode().value() == HttpStatus.PAYLOAD_TOO_LARGE.value()
					? "The request body is larger than the service accepts."
					: "The request was not accepted: " + problem.getTitle() + ".");
		}
		return response;
	}

	/**
	 * The firewall checks query parameter names only when a handler reads them, after
	 * every filter: a client mistake like the ones it refuses up front.
	 */
	@ExceptionHandler(ServerExchangeRejectedException.class)
	ResponseEntity<Object> rejected(ServerExchangeRejectedException ex) {
		return Problems.badRequest(
				"The request was rejected: its path, query parameters or headers hold characters the service does not accept.");
	}

	@ExceptionHandler(DataBufferLimitException.class)
	ResponseEntity<Object> tooLarge(DataBufferLimitException ex) {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
				"The request body is larger than the service accepts.");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		log.warn("request rejected by a database constraint: {}", ex.getMostSpecificCause().getClass().getName());
		return Problems.conflict("The request conflicts with existing data.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again later.");
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", problem.getDetail());
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
