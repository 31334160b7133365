package dev.punchcard.core.campaign.application;

import java.time.Instant;

import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Telegram templates written in Punchcard. Every change writes its audit row (who, when,
 * what) together with the change, atomically.
 */
public interface TelegramTemplates {

	/**
	 * Stores the new template, audited as created by its {@code createdBy}; emits
	 * {@link Write.Written}, or {@link Write.NameTaken} when another template has the
	 * name (ignoring case).
	 */
	Mono<Write> insert(TelegramTemplate template);

	/**
	 * Replaces the template's name, texts, image and buttons with {@code changed}'s,
	 * audited with before and after; emits {@link Write.Written}, {@link Write.NameTaken}
	 * or {@link Write.Missing}.
	 */
	Mono<Write> update(TelegramTemplate changed);

	/** Deletes the template, audited; emits whether it existed. */
	Mono<Boolean> delete(TemplateId id, StaffId by, Instant at);

	/** Emits the template, or completes empty. */
	Mono<TelegramTemplate> find(TemplateId id);

	/** Emits every template by name. */
	Flux<TelegramTemplate> all();

	/** What a write did. */
	sealed interface Write {

		record Written(TelegramTemplate template) implements Write {
		}

		record NameTaken(String name) implements Write {
		}

		record Missing(TemplateId id) implements Write {
		}

	}

}
