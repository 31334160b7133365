package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.intake.StoredUpdateHandler;
import dev.punchcard.core.broadcast.application.BroadcastTracking.Delivery;
import dev.punchcard.core.chat.application.DeliveryStatus;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.customer.application.ChatAliases;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Handles one stored webhook item: a message opens the user's customer service window and
 * is answered through the engine; a user WhatsApp cannot deliver to is recorded as
 * unreachable, and that counts as handled. A delivery status moves its message forward; a
 * notice that failed is queued again, as its template when it failed for the closed
 * window (131047), else for the member's other channels. Preference changes are only
 * recorded as marketing consent, a change of the messaging limit as the portfolio's
 * level. An item that cannot be read is logged and dropped, since reading it again will
 * not help.
 */
class WhatsAppUpdateHandler implements StoredUpdateHandler {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppUpdateHandler.class);

	private final Conversation conversation;

	private final ChatSender sender;

	private final ReachabilityListener reachability;

	private final OutgoingMessages outgoing;

	private final OutboxRelay notices;

	private final CustomerServiceWindow window;

	private final ChangeMarketingConsent consent;

	private final ChatAliases aliases;

	private final BroadcastFeedback broadcasts;

	private final @Nullable PortfolioLevel level;

	WhatsAppUpdateHandler(Conversation conversation, ChatSender sender, ReachabilityListener reachability,
			OutgoingMessages outgoing, OutboxRelay notices, CustomerServiceWindow window,
			ChangeMarketingConsent consent, ChatAliases aliases) {
		this(conversation, sender, reachability, outgoing, notices, window, consent, aliases,
				new BroadcastFeedback(null), null);
	}

	// a ninth and tenth collaborator: the broadcast back-flow shares the reachability and
	// consent of the statuses and replies it rides on; the messaging level rides on the
	// same webhook
	WhatsAppUpdateHandler(Conversation conversation, ChatSender sender, ReachabilityListener reachability,
			OutgoingMessages outgoing, OutboxRelay notices, CustomerServiceWindow window,
			ChangeMarketingConsent consent, ChatAliases aliases, BroadcastFeedback broadcasts,
			@Nullable PortfolioLevel level) {
		this.conversation = conversation;
		this.sender = sender;
		this.reachability = reachability;
		this.outgoing = outgoing;
		this.notices = notices;
		this.window = window;
		this.consent = consent;
		this.aliases = aliases;
		this.broadcasts = broadcasts;
		this.level = level;
	}

	@Override
	public Mono<Void> handle(StoredUpdate stored) {
		return read(stored).map(WhatsAppUpdates::read).flatMap(this::dispatch);
	}

	private Mono<Void> dispatch(WhatsAppUpdate update) {
		return switch (update) {
			case WhatsAppUpdate.Event event -> known(event).flatMap((known) -> answer(event, known));
			case WhatsAppUpdate.Status status -> delivery(status);
			case WhatsAppUpdate.Preference preference -> preference(preference);
			case WhatsAppUpdate.LimitChange change -> limitChange(change);
			case WhatsAppUpdate.Ignored ignored -> Mono.fromRunnable(() -> log.debug("Ignored: {}", ignored.why()));
		};
	}

	/**
	 * Takes the portfolio's new messaging level, unless a newer change was taken already;
	 * errors when Redis fails, so the stored update is handled again.
	 */
	private Mono<Void> limitChange(WhatsAppUpdate.LimitChange change) {
		if (this.level == null) {
			return Mono.empty();
		}
		return this.level.learn(change.level(), change.at()).then();
	}

	/**
	 * Moves the message's delivery status forward; a status WhatsApp may add later
	 * ({@code deleted}, {@code warning}, …) is logged and left.
	 */
	private Mono<Void> delivery(WhatsAppUpdate.Status status) {
		DeliveryStatus delivery = switch (status.status()) {
			case "sent" -> DeliveryStatus.SENT;
			case "delivered" -> DeliveryStatus.DELIVERED;
			case "read" -> DeliveryStatus.READ;
			case "failed" -> DeliveryStatus.FAILED;
			default -> null;
		};
		if (delivery == null) {
			return Mono.fromRunnable(() -> log.debug("WhatsApp status {} of {} left", status.status(), status.wamid()));
		}
		if (delivery == DeliveryStatus.FAILED) {
			log.info("WhatsApp message {} failed with error {}", status.wamid(), status.errorCode());
		}
		// a broadcast's message carries no notice: its status is the broadcast's alone
		return broadcastDelivery(status, delivery)
			.flatMap((broadcast) -> broadcast ? Mono.<Void>empty() : noticeDelivery(status, delivery));
	}

	private Mono<Void> noticeDelivery(WhatsAppUpdate.Status status, DeliveryStatus delivery) {
		return this.outgoing.reported(ChatChannel.WHATSAPP, status.wamid(), delivery, status.errorCode())
			.filter((moved) -> moved && delivery == DeliveryStatus.FAILED)
			.flatMap((failed) -> failed(status));
	}

	/**
	 * A status of a broadcast's message is the broadcast's to track ("sent" is the send's
	 * own answer); emits whether the message is a broadcast's. One that carries the
	 * broadcast mark is a broadcast's even before its send is settled (then it is kept
	 * for the settle). A broadcast message that failed because the user cannot be reached
	 * (131026) marks them unreachable, one that failed because they stopped marketing
	 * messages (131050) records that.
	 */
	private Mono<Boolean> broadcastDelivery(WhatsAppUpdate.Status status, DeliveryStatus delivery) {
		Delivery state = switch (delivery) {
			case DELIVERED -> Delivery.DELIVERED;
			case READ -> Delivery.READ;
			case FAILED -> Delivery.FAILED;
			default -> null;
		};
		if (state == null) {
			return Mono.just(false);
		}
		boolean failed = state == Delivery.FAILED;
		Instant at = (status.at() != null) ? status.at() : Instant.now();
		String code = failed ? String.valueOf(status.errorCode()) : null;
		String reason = failed ? status.errorTitle() : null;
		Mono<Boolean> recorded = BroadcastFeedback.BROADCAST_MARK.equals(status.ourId())
				? this.broadcasts.markedStatus(ChatChannel.WHATSAPP, status.wamid(), state, at, code, reason)
				: this.broadcasts.status(ChatChannel.WHATSAPP, status.wamid(), state, at, code, reason);
		return recorded.flatMap((known) -> (known && failed && !status.recipientId().isEmpty())
				? broadcastFailed(status, at).thenReturn(true) : Mono.just(known));
	}

	private Mono<Void> broadcastFailed(WhatsAppUpdate.Status status, Instant at) {
		return switch (status.errorCode()) {
			case GraphApiException.UNREACHABLE ->
				this.reachability.reachable(ChatChannel.WHATSAPP, status.recipientId(), false);
			case GraphApiException.MARKETING_STOPPED ->
				this.consent.optOut(ChatChannel.WHATSAPP, status.recipientId(), "whatsapp:131050", at).then();
			default -> Mono.empty();
		};
	}

	/**
	 * A message WhatsApp could not deliver: the user is unreachable (131026), or the
	 * window closed before it went (131047); the notice it carried, if any, goes again
	 * another way.
	 */
	private Mono<Void> failed(WhatsAppUpdate.Status status) {
		Mono<Void> recipient = Mono.empty();
		if (!status.recipientId().isEmpty() && status.errorCode() == GraphApiException.UNREACHABLE) {
			recipient = this.reachability.reachable(ChatChannel.WHATSAPP, status.recipientId(), false);
		}
		else if (!status.recipientId().isEmpty() && status.errorCode() == GraphApiException.OUTSIDE_WINDOW) {
			recipient = this.window.closed(status.recipientId());
		}
		boolean asTemplate = status.errorCode() == GraphApiException.OUTSIDE_WINDOW;
		String why = "WhatsApp reported it failed with code " + status.errorCode();
		return recipient.then(this.outgoing.notificationOf(ChatChannel.WHATSAPP, status.wamid()))
			.flatMap((notification) -> this.notices.redeliver(notification, ChatChannel.WHATSAPP, asTemplate, why)
				.doOnNext((again) -> {
					if (again) {
						log.info("notification {} failed on WhatsApp (code {}); queued again {}", notification,
								status.errorCode(), asTemplate ? "as its template" : "for the other channels");
					}
				}))
			.then();
	}

	/**
	 * The user stopped or resumed marketing messages in WhatsApp's own settings: recorded
	 * as if they had typed STOP or START, without an answer.
	 */
	private Mono<Void> preference(WhatsAppUpdate.Preference preference) {
		if (!"marketing_messages".equals(preference.category()) || preference.userId().isEmpty()) {
			return Mono.fromRunnable(
					() -> log.info("WhatsApp preference {} {} left", preference.category(), preference.value()));
		}
		// a BSUID-only preference counts for the account stored under the phone number
		return this.aliases.knownId(ChatChannel.WHATSAPP, preference.userId(), preference.userId())
			.defaultIfEmpty(preference.userId())
			.flatMap((userId) -> consent(preference, userId));
	}

	private Mono<Void> consent(WhatsAppUpdate.Preference preference, String userId) {
		Instant at = (preference.at() != null) ? preference.at() : Instant.now();
		String source = "whatsapp:user_preferences";
		return switch (preference.value()) {
			case "stop" -> this.consent.optOut(ChatChannel.WHATSAPP, userId, source, at).then();
			case "resume" -> this.consent.optIn(ChatChannel.WHATSAPP, userId, source, at).then();
			default -> Mono.fromRunnable(() -> log.info("WhatsApp marketing preference {} left", preference.value()));
		};
	}

	/**
	 * The user wrote: their customer service window is open from the message's time. Not
	 * recording it only makes a notice go as a template.
	 */
	private Mono<Void> opened(WhatsAppUpdate.Event event, ChatEvent known) {
		if (event.sentAt() == null) {
			return Mono.empty();
		}
		return this.window.userWrote(known.userId(), event.sentAt()).onErrorResume((error) -> {
			log.warn("WhatsApp window of {} not recorded: {}", event.event(), error.toString());
			return Mono.empty();
		});
	}

	/**
	 * A sender with a BSUID is known by the id their account was stored under: the phone
	 * number, or the BSUID when they first came without one (the BSUID is kept as the
	 * account's alias, so a later message with only the BSUID finds them).
	 */
	private Mono<ChatEvent> known(WhatsAppUpdate.Event event) {
		String bsuid = event.identity().userId();
		if (bsuid == null) {
			return Mono.just(event.event());
		}
		return this.aliases.knownId(ChatChannel.WHATSAPP, event.event().userId(), bsuid)
			.map(event.event()::withUserId)
			.defaultIfEmpty(event.event());
	}

	/**
	 * The window opens for the account the message is known under, then the engine
	 * answers.
	 */
	private Mono<Void> answer(WhatsAppUpdate.Event event, ChatEvent known) {
		return counted(event).then(opened(event, known)).then(converse(known));
	}

	/**
	 * A button tapped on a broadcast's message is counted for it; the member is answered
	 * like for any message ("Stop promotions" stops them and says so).
	 */
	private Mono<Void> counted(WhatsAppUpdate.Event event) {
		WhatsAppUpdate.ButtonReply reply = event.reply();
		if (reply == null) {
			return Mono.empty();
		}
		return this.broadcasts.button(ChatChannel.WHATSAPP, reply.messageId(), reply.button()).then();
	}

	private Mono<Void> converse(ChatEvent event) {
		return this.conversation.handle(event)
			.flatMap(this.sender::send)
			.onErrorResume(RecipientUnreachableException.class, (unreachable) -> unreachable(event));
	}

	private Mono<Void> unreachable(ChatEvent event) {
		log.info("WhatsApp user of {} is unreachable; not answered", event);
		return this.reachability.reachable(ChatChannel.WHATSAPP, event.userId(), false);
	}

	private static Mono<JsonNode> read(StoredUpdate stored) {
		return Mono.fromCallable(() -> WebhookBatch.JSON.readTree(stored.payload()))
			.onErrorResume(IOException.class, (unreadable) -> {
				log.error("WhatsApp update {} cannot be read and is dropped", stored.updateId());
				return Mono.empty();
			});
	}

}
