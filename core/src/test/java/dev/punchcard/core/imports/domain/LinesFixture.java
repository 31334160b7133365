package dev.punchcard.core.imports.domain;

import java.util.Arrays;
import java.util.List;

/** Headers and lines as the CSV reader hands them over. */
final class LinesFixture {

	private LinesFixture() {
	}

	static CsvHeader header(String... names) {
		return CsvHeader.of(List.of(names), List.of()).header();
	}

	static SourceLine line(long lineNo, String... fields) {
		return new SourceLine(lineNo, Arrays.asList(fields), 0);
	}

}
