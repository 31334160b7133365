package dev.punchcard.app.api;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * An import file uploaded as a browser form: the CSV in a part named {@code file}, the
 * options in fields beside it. The form reader keeps a large part in a temporary file, so
 * {@link FilePart#content()} streams it from there, never whole in memory.
 */
final class UploadForm {

	static final String FILE = "file";

	/**
	 * What a CSV file is sent as: browsers send {@code application/vnd.ms-excel} on
	 * Windows, curl {@code application/octet-stream}, some clients nothing.
	 */
	private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "text/comma-separated-values",
			"application/csv", "application/vnd.ms-excel", "application/octet-stream");

	private UploadForm() {
	}

	/**
	 * The form's parts; a body that is not a readable form errors as a bad request (400).
	 */
	static Mono<MultiValueMap<String, Part>> read(ServerWebExchange exchange) {
		return exchange.getMultipartData()
			.onErrorMap(DecodingException.class,
					(error) -> new ServerWebInputException("The form could not be read: " + error.getMessage()));
	}

	/** The form's CSV file part, or empty when it has none (see {@link #problem}). */
	static Optional<FilePart> file(MultiValueMap<String, Part> form) {
		return (form.getFirst(FILE) instanceof FilePart file && csv(file)) ? Optional.of(file) : Optional.empty();
	}

	/** Why the form has no CSV file part, as a 400 problem. */
	static ResponseEntity<Object> problem(MultiValueMap<String, Part> form) {
		Part part = form.getFirst(FILE);
		if (part instanceof FilePart file) {
			return Problems.badRequest("The file must be CSV (text/csv), not " + file.headers().getContentType() + ".");
		}
		if (part != null) {
			return Problems.badRequest("The part named file must be a file upload, not a form field.");
		}
		return Problems.badRequest("The form needs the CSV file in a part named file; it has "
				+ (form.isEmpty() ? "no parts" : "the parts " + form.keySet()) + ".");
	}

	/** The value of a form field, or null when there is none. */
	static @Nullable String field(MultiValueMap<String, Part> form, String name) {
		return (form.getFirst(name) instanceof FormFieldPart field) ? field.value() : null;
	}

	private static boolean csv(FilePart file) {
		MediaType type = file.headers().getContentType();
		return type == null || CSV_TYPES.contains(type.getType() + "/" + type.getSubtype());
	}

}
