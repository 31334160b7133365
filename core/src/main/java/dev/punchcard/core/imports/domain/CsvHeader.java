package dev.punchcard.core.imports.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A file's header row: which column holds which field. Names are matched without regard
 * to case or surrounding spaces; columns not known are ignored.
 */
public final class CsvHeader {

	private final Map<String, Integer> indexes = new HashMap<>();

	private final int size;

	private CsvHeader(List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			this.indexes.putIfAbsent(normal(names.get(i)), i);
		}
		this.size = names.size();
	}

	/**
	 * The header, or a reason it cannot be used: a required column is missing.
	 * @param names the header row's fields
	 * @param required the columns a file of this kind must have
	 */
	public static Result of(List<String> names, List<String> required) {
		CsvHeader header = new CsvHeader(names);
		List<String> missing = required.stream().filter((name) -> !header.indexes.containsKey(name)).toList();
		return missing.isEmpty() ? new Result(header, null) : new Result(null, "the header row lacks the column(s) "
				+ String.join(", ", missing) + " (the first line must name the columns)");
	}

	/** How many columns the header names. */
	public int size() {
		return this.size;
	}

	/**
	 * The line's field in the column, stripped; empty when the column is absent or blank.
	 */
	public Optional<String> field(SourceLine line, String column) {
		Integer index = this.indexes.get(column);
		if (index == null || index >= line.fields().size()) {
			return Optional.empty();
		}
		String value = line.fields().get(index).strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static String normal(String name) {
		String stripped = name.strip().toLowerCase(Locale.ROOT);
		// a spreadsheet's UTF-8 byte order mark before the first column's name
		return stripped.startsWith("\uFEFF") ? stripped.substring(1) : stripped;
	}

	/**
	 * A header, or why not.
	 *
	 * @param header the header, when usable
	 * @param problem why it is not, otherwise
	 */
	public record Result(@Nullable CsvHeader header, @Nullable String problem) {
	}

}
