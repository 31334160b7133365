package dev.punchcard.app.api;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and query strings are canonical UUIDs or a 400. Spring's own conversion
 * turns a blank id into null (and a required path variable that is null into a 500) and
 * accepts odd shapes such as {@code 1-2-3-4-5}; this editor accepts exactly the 36
 * characters {@code 8-4-4-4-12} hex digits, in either case, and refuses everything else.
 * It is a binder's custom editor, not a converter: a failing converter falls back to the
 * default {@code UUIDEditor}, which is the lenient one.
 */
@ControllerAdvice
class StrictUuids {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@InitBinder
	void strictUuids(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new Editor());
	}

	static UUID parse(String text) {
		if (!CANONICAL.matcher(text).matches()) {
			throw new IllegalArgumentException("not a UUID");
		}
		return UUID.fromString(text);
	}

	private static final class Editor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(parse(text));
		}

	}

}
