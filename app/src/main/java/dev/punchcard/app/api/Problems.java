package dev.punchcard.app.api;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;

/** Builds RFC 7807 responses for business outcomes. */
final class Problems {

	private Problems() {
	}

	static ResponseEntity<Object> of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ResponseEntity<Object> notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, "Not found", detail);
	}

	static ResponseEntity<Object> conflict(String detail) {
		return of(HttpStatus.CONFLICT, "Conflict", detail);
	}

	static ResponseEntity<Object> unprocessable(String title, String detail) {
		return of(HttpStatus.UNPROCESSABLE_ENTITY, title, detail);
	}

	static ResponseEntity<Object> badRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	static ResponseEntity<Object> forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	/**
	 * A 400's detail for fields that break a request's rules: "field: message", sorted,
	 * joined by "; ".
	 */
	static String fieldErrors(List<FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return detail.isEmpty() ? "The request is invalid." : detail;
	}

}
