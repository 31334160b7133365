package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.QuietHours;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.TemplateBindings;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.segment.application.Segments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saves a new broadcast as a draft, audited as created by who asked, once every field is
 * right: the segment exists, each channel the policy uses has its template (a WhatsApp
 * one APPROVED), bound completely and only, the schedule lies ahead, the time zone and
 * quiet hours make sense.
 */
public class CreateBroadcast {

	private final Segments segments;

	private final WhatsAppTemplates whatsApp;

	private final TelegramTemplates telegram;

	private final Broadcasts broadcasts;

	private final Clock clock;

	public CreateBroadcast(Segments segments, WhatsAppTemplates whatsApp, TelegramTemplates telegram,
			Broadcasts broadcasts, Clock clock) {
		this.segments = segments;
		this.whatsApp = whatsApp;
		this.telegram = telegram;
		this.broadcasts = broadcasts;
		this.clock = clock;
	}

	/** Emits {@code Done} with the draft, or {@code Invalid} naming every wrong field. */
	public Mono<BroadcastOutcome> create(BroadcastCommand command) {
		Instant now = this.clock.instant();
		BroadcastInput.Shape shape = BroadcastInput.shape(command, now);
		return Flux
			.concat(segmentErrors(command), whatsAppErrors(command.whatsApp()), telegramErrors(command.telegram()))
			.collectList()
			.flatMap((found) -> decide(command, shape, found, now));
	}

	private Mono<BroadcastOutcome> decide(BroadcastCommand command, BroadcastInput.Shape shape, List<FieldError> found,
			Instant now) {
		List<FieldError> errors = new ArrayList<>(shape.errors());
		errors.addAll(found);
		if (!errors.isEmpty()) {
			return Mono.just(new BroadcastOutcome.Invalid(errors));
		}
		return this.broadcasts.insert(draft(command, shape, now)).map(BroadcastOutcome.Done::new);
	}

	private static Broadcast draft(BroadcastCommand command, BroadcastInput.Shape shape, Instant now) {
		QuietHours quiet = (command.quietFrom() == null || command.quietUntil() == null) ? null
				: new QuietHours(command.quietFrom(), command.quietUntil());
		return new Broadcast(BroadcastId.random(), command.name().strip(), command.segment(), command.policy(),
				command.whatsApp(), command.telegram(), shape.scheduledAt(), shape.zone(), quiet, BroadcastState.DRAFT,
				null, command.by(), now, command.by(), now, null, null);
	}

	private Flux<FieldError> segmentErrors(BroadcastCommand command) {
		if (command.segment() == null) {
			return Flux.empty();
		}
		return this.segments.find(command.segment())
			.map((segment) -> List.<FieldError>of())
			.defaultIfEmpty(List.of(new FieldError("segmentId", "is no saved segment")))
			.flatMapIterable((errors) -> errors);
	}

	private Flux<FieldError> whatsAppErrors(@Nullable TemplateChoice choice) {
		if (choice == null) {
			return Flux.empty();
		}
		return this.whatsApp.find(choice.templateId())
			.map((template) -> template.whyNotSendable()
				.map((why) -> List.of(new FieldError("whatsApp.templateId", "cannot be sent: " + why)))
				.orElseGet(() -> prefixed("whatsApp.", TemplateBindings.check(template, choice.use()))))
			.defaultIfEmpty(List.of(new FieldError("whatsApp.templateId", "is no synced WhatsApp template")))
			.flatMapIterable((errors) -> errors);
	}

	private Flux<FieldError> telegramErrors(@Nullable TemplateChoice choice) {
		if (choice == null) {
			return Flux.empty();
		}
		return this.telegram.find(choice.templateId())
			.map((template) -> prefixed("telegram.", TemplateBindings.check(template, choice.use())))
			.defaultIfEmpty(List.of(new FieldError("telegram.templateId", "is no Telegram template")))
			.flatMapIterable((errors) -> errors);
	}

	private static List<FieldError> prefixed(String prefix, List<FieldError> errors) {
		return errors.stream().map((error) -> new FieldError(prefix + error.field(), error.message())).toList();
	}

}
