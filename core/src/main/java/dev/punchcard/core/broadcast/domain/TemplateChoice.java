package dev.punchcard.core.broadcast.domain;

import java.util.Objects;

import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;

/** The template a broadcast sends on one channel, and what fills its parameters. */
public record TemplateChoice(TemplateId templateId, TemplateUse use) {

	public TemplateChoice {
		Objects.requireNonNull(templateId, "templateId");
		Objects.requireNonNull(use, "use");
	}

}
