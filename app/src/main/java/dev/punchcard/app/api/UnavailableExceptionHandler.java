package dev.punchcard.app.api;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 503 problem+json with {@code Retry-After} when a backing server (PostgreSQL, or
 * Redis where a request needs it) cannot be reached: connection refused or closed, the
 * pool's acquire timeout, a server shutting down. Such a failure is not a bug of ours and
 * repeating the request is the remedy (purchases, refunds, adjustments and keyed
 * redemptions are idempotent by their keys), so clients are told when to retry instead of
 * getting a 500.
 * <p>
 * Ordered before {@link ApiExceptionHandler}, whose catch-all would otherwise win; Spring
 * matches these types anywhere in the cause chain, so a translated
 * {@code DataAccessResourceFailureException} and the raw R2DBC exception under a
 * transaction error are both caught.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class UnavailableExceptionHandler {

	/**
	 * Seconds a client should wait: PostgreSQL restarts and pool re-connects take about
	 * this long.
	 */
	static final long RETRY_AFTER_SECONDS = 5;

	/**
	 * The failures that mean a backing server is out of reach, as the handler's
	 * annotation lists them (a test holds the two equal), for paths served outside
	 * WebFlux.
	 */
	static final List<Class<? extends Throwable>> UNAVAILABLE = List.of(DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class, TransientDataAccessResourceException.class,
			RecoverableDataAccessException.class, QueryTimeoutException.class, R2dbcNonTransientResourceException.class,
			R2dbcTransientResourceException.class, R2dbcTimeoutException.class, ConnectException.class,
			TimeoutException.class);

	private static final Logger log = LoggerFactory.getLogger(UnavailableExceptionHandler.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class, RecoverableDataAccessException.class,
			QueryTimeoutException.class, R2dbcNonTransientResourceException.class,
			R2dbcTransientResourceException.class, R2dbcTimeoutException.class, ConnectException.class,
			TimeoutException.class })
	ResponseEntity<Object> unavailable(Exception ex) {
		return answer(ex);
	}

	/** Whether the failure, or any of its causes, is one of {@link #UNAVAILABLE}. */
	static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			for (Class<? extends Throwable> type : UNAVAILABLE) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The 503 problem with {@code Retry-After}, logged without a stack trace. */
	static ResponseEntity<Object> answer(Throwable ex) {
		// no stack trace: an outage produces one of these per request, and the cause says
		// enough
		log.warn("answered 503, a backing server is unavailable: {}", rootCause(ex));
		ResponseEntity<Object> problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The service cannot reach a server it depends on right now. Try again in a few seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.headers(problem.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
			.body(problem.getBody());
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName() + ": " + root.getMessage();
	}

}
