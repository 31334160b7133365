package dev.punchcard.core.campaign.application;

import java.util.List;

import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.segment.application.FieldError;

/** What writing a Telegram template can answer besides a technical failure. */
public sealed interface TemplateOutcome {

	/** The template as saved. */
	record Saved(TelegramTemplate template) implements TemplateOutcome {
	}

	/** Fields that are wrong; nothing was written. */
	record Invalid(List<FieldError> errors) implements TemplateOutcome {

		public Invalid {
			errors = errors.stream().sorted().toList();
		}

	}

	/** Another Telegram template has the name (ignoring case); nothing was written. */
	record NameTaken(String name) implements TemplateOutcome {
	}

	/** No Telegram template has the id. */
	record Unknown(TemplateId id) implements TemplateOutcome {
	}

	/** The answer to what a store write did. */
	static TemplateOutcome of(TelegramTemplates.Write write) {
		return switch (write) {
			case TelegramTemplates.Write.Written written -> new Saved(written.template());
			case TelegramTemplates.Write.NameTaken taken -> new NameTaken(taken.name());
			case TelegramTemplates.Write.Missing missing -> new Unknown(missing.id());
		};
	}

}
