package dev.punchcard.core.campaign.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.campaign.application.TelegramTemplateCheck.Checked;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import reactor.core.publisher.Mono;

/** Saves a new Telegram template after checking it, audited as created by who asked. */
public class CreateTelegramTemplate {

	private final TelegramTemplates templates;

	private final Clock clock;

	public CreateTelegramTemplate(TelegramTemplates templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	/** Emits {@code Saved}, {@code Invalid} or {@code NameTaken}. */
	public Mono<TemplateOutcome> create(TelegramTemplateCommand command) {
		return switch (TelegramTemplateCheck.check(command)) {
			case Checked.Invalid invalid -> Mono.just(new TemplateOutcome.Invalid(invalid.errors()));
			case Checked.Valid valid -> insert(valid, command);
		};
	}

	private Mono<TemplateOutcome> insert(Checked.Valid valid, TelegramTemplateCommand command) {
		Instant now = this.clock.instant();
		TelegramTemplate template = new TelegramTemplate(TemplateId.random(), valid.name(), valid.texts(),
				valid.image(), valid.buttons(), command.by(), now, command.by(), now);
		return this.templates.insert(template).map(TemplateOutcome::of);
	}

}
