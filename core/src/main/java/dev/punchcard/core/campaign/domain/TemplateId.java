package dev.punchcard.core.campaign.domain;

import java.util.Objects;
import java.util.UUID;

/** A message template's id in Punchcard, of either channel. */
public record TemplateId(UUID value) {

	public TemplateId {
		Objects.requireNonNull(value, "value");
	}

	public static TemplateId random() {
		return new TemplateId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
