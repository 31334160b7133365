package dev.punchcard.core.imports.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.punchcard.core.imports.domain.ParsedLine;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.imports.domain.SourceLine;
import org.jspecify.annotations.Nullable;

/**
 * The loop every kind of chunk starts with: each line read as a row or refused, then the
 * rows that repeat an earlier row's key refused as duplicates within the file; the
 * refusals are kept, in line order, for the chunk's result.
 *
 * @param <T> the kind of row
 */
final class ChunkRows<T> {

	private final List<T> rows;

	private final List<Rejection> rejections;

	private ChunkRows(List<T> rows, List<Rejection> rejections) {
		this.rows = rows;
		this.rejections = rejections;
	}

	/**
	 * Reads the lines and keeps of the rows the first of each key; a row whose values of
	 * several keys repeat is refused for the first of them.
	 */
	static <T> ChunkRows<T> read(List<SourceLine> chunk, Function<SourceLine, ParsedLine<T>> parser,
			ToLongFunction<T> lineNo, List<Key<T>> keys) {
		List<Rejection> rejections = new ArrayList<>();
		List<T> rows = new ArrayList<>(chunk.size());
		for (SourceLine line : chunk) {
			switch (parser.apply(line)) {
				case ParsedLine.Row<T> row -> rows.add(row.row());
				case ParsedLine.Refused<T> refused -> rejections.add(refused.rejection());
			}
		}
		List<Map<String, Long>> seen = keys.stream().<Map<String, Long>>map((key) -> new HashMap<>()).toList();
		List<T> distinct = new ArrayList<>(rows.size());
		for (T row : rows) {
			String duplicate = null;
			for (int i = 0; i < keys.size(); i++) {
				String value = keys.get(i).value().apply(row);
				Long same = (value == null) ? null : seen.get(i).putIfAbsent(value, lineNo.applyAsLong(row));
				if (same != null && duplicate == null) {
					duplicate = "duplicate within the file: " + keys.get(i).columns() + " as on line " + same;
				}
			}
			if (duplicate != null) {
				rejections.add(new Rejection(lineNo.applyAsLong(row), duplicate));
			}
			else {
				distinct.add(row);
			}
		}
		return new ChunkRows<>(distinct, rejections);
	}

	/** The rows read and not refused so far. */
	List<T> rows() {
		return this.rows;
	}

	/** The lines refused so far; the chunk adds those it refuses later. */
	List<Rejection> rejections() {
		return this.rejections;
	}

	/** The refusals in line order, for the chunk's result. */
	static List<Rejection> sorted(List<Rejection> rejections) {
		return rejections.stream().sorted(Comparator.comparingLong(Rejection::lineNo)).toList();
	}

	/**
	 * What makes two rows the same within a file.
	 *
	 * @param columns the key's columns, in words
	 * @param value the row's value of the key, or null when it has none
	 */
	record Key<T>(String columns, Function<T, @Nullable String> value) {
	}

}
