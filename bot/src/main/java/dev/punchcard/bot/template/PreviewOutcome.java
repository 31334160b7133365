package dev.punchcard.bot.template;

import java.util.List;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.segment.application.FieldError;

/** What previewing a template for a member can answer. */
public sealed interface PreviewOutcome {

	/**
	 * The template rendered for the member exactly as it would be sent, but with a sample
	 * voucher code.
	 */
	record Previewed(MessageTemplate template, MemberFieldValues member,
			RenderedTemplate rendered) implements PreviewOutcome {
	}

	/** The use is wrong, field by field. */
	record Invalid(List<FieldError> errors) implements PreviewOutcome {

		public Invalid {
			errors = errors.stream().sorted().toList();
		}

	}

	/** No template has the id. */
	record UnknownTemplate() implements PreviewOutcome {
	}

	/** No member has the id. */
	record UnknownCustomer() implements PreviewOutcome {
	}

}
