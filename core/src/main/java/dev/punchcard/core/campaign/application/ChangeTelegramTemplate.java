package dev.punchcard.core.campaign.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.campaign.application.TelegramTemplateCheck.Checked;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import reactor.core.publisher.Mono;

/**
 * Replaces a Telegram template with what the marketer wrote, after checking it; audited
 * with the template before and after.
 */
public class ChangeTelegramTemplate {

	private final TelegramTemplates templates;

	private final Clock clock;

	public ChangeTelegramTemplate(TelegramTemplates templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	/** Emits {@code Saved}, {@code Invalid}, {@code NameTaken} or {@code Unknown}. */
	public Mono<TemplateOutcome> change(TemplateId id, TelegramTemplateCommand command) {
		return switch (TelegramTemplateCheck.check(command)) {
			case Checked.Invalid invalid -> Mono.just(new TemplateOutcome.Invalid(invalid.errors()));
			case Checked.Valid valid -> update(id, valid, command);
		};
	}

	private Mono<TemplateOutcome> update(TemplateId id, Checked.Valid valid, TelegramTemplateCommand command) {
		Instant now = this.clock.instant();
		// created_by and created_at are kept by the store; these two are placeholders
		TelegramTemplate changed = new TelegramTemplate(id, valid.name(), valid.texts(), valid.image(), valid.buttons(),
				command.by(), now, command.by(), now);
		return this.templates.update(changed).map(TemplateOutcome::of);
	}

}
