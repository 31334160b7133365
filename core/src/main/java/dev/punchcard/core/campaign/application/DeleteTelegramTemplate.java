package dev.punchcard.core.campaign.application;

import java.time.Clock;

import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/** Deletes a Telegram template, audited as deleted by who asked. */
public class DeleteTelegramTemplate {

	private final TelegramTemplates templates;

	private final Clock clock;

	public DeleteTelegramTemplate(TelegramTemplates templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	/** Emits whether the template existed. */
	public Mono<Boolean> delete(TemplateId id, StaffId by) {
		return this.templates.delete(id, by, this.clock.instant());
	}

}
