package dev.punchcard.core.imports.domain;

import java.util.UUID;

/** The id of an import. */
public record ImportId(UUID value) {

	public static ImportId random() {
		return new ImportId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
