package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.util.Optional;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Lets a paused broadcast send again, if its templates can still be sent: resuming one
 * whose WhatsApp template is still paused at WhatsApp would only have the schedule pause
 * it again.
 */
public class ResumeBroadcast {

	private final Broadcasts broadcasts;

	private final WhatsAppTemplates whatsApp;

	private final TelegramTemplates telegram;

	private final Clock clock;

	public ResumeBroadcast(Broadcasts broadcasts, WhatsAppTemplates whatsApp, TelegramTemplates telegram, Clock clock) {
		this.broadcasts = broadcasts;
		this.whatsApp = whatsApp;
		this.telegram = telegram;
		this.clock = clock;
	}

	/**
	 * Emits {@code Done}, {@code Unknown}, {@code NotAllowed} or
	 * {@code TemplateUnsendable}.
	 */
	public Mono<BroadcastOutcome> resume(BroadcastId id, StaffId by) {
		return this.broadcasts.find(id)
			.flatMap((broadcast) -> resumeIfSendable(broadcast, by))
			.switchIfEmpty(Mono.fromSupplier(() -> new BroadcastOutcome.Unknown(id)));
	}

	private Mono<BroadcastOutcome> resumeIfSendable(Broadcast broadcast, StaffId by) {
		if (!Action.RESUME.allowedIn(broadcast.state())) {
			return Mono.just(new BroadcastOutcome.NotAllowed(broadcast.id(), Action.RESUME, broadcast.state()));
		}
		return whyNotSendable(broadcast)
			.<BroadcastOutcome>map((why) -> new BroadcastOutcome.TemplateUnsendable(broadcast.id(), why))
			.switchIfEmpty(
					Mono.defer(() -> this.broadcasts.move(broadcast.id(), Action.RESUME, null, by, this.clock.instant())
						.flatMap((move) -> Moves.answer(this.broadcasts, broadcast.id(), Action.RESUME, move))));
	}

	/** Emits why one of its templates cannot be sent, or completes empty. */
	private Mono<String> whyNotSendable(Broadcast broadcast) {
		return whatsAppProblem(broadcast.whatsApp()).switchIfEmpty(telegramProblem(broadcast.telegram()));
	}

	private Mono<String> whatsAppProblem(@Nullable TemplateChoice choice) {
		if (choice == null) {
			return Mono.empty();
		}
		return this.whatsApp.find(choice.templateId())
			.map((template) -> template.whyNotSendable())
			.defaultIfEmpty(Optional.of("its WhatsApp template no longer exists"))
			.flatMap(Mono::justOrEmpty);
	}

	private Mono<String> telegramProblem(@Nullable TemplateChoice choice) {
		if (choice == null) {
			return Mono.empty();
		}
		return this.telegram.find(choice.templateId())
			.map((template) -> "")
			.defaultIfEmpty("its Telegram template was deleted")
			.filter((why) -> !why.isEmpty());
	}

}
