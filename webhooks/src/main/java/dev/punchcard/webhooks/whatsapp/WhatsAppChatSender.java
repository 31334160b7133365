package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.MessageNotAllowedException;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.webhooks.whatsapp.WhatsAppProperties.ParameterFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends a reply's messages to WhatsApp one after the other, each when the pacing gives it
 * a turn; an image is uploaded first and sent by its media id. Stops at the first
 * failure: later messages of the reply are not sent. A recipient WhatsApp cannot deliver
 * to (131026) errors with {@link RecipientUnreachableException}.
 * <p>
 * A notice goes as free text while the user's customer service window is open, else as
 * the template of its kind; free text that WhatsApp refuses as outside the window
 * (131047) goes again as the template. A template WhatsApp refuses (132xxx: missing, not
 * approved in the language, paused, wrong parameters) is a configuration error: logged at
 * ERROR with its name and never repeated as is; the notice errors with
 * {@link MessageNotAllowedException}, so another channel may take it; so does a template
 * to a new user while the portfolio's {@link MessagingLimit messaging limit} is reached.
 */
class WhatsAppChatSender implements ChatSender {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppChatSender.class);

	private static final int PAIR_LIMIT_RETRIES = 3;

	private final GraphApi api;

	private final SendPacing pacing;

	private final OutgoingMessages outgoing;

	private final WhatsAppAccount account;

	private final CustomerServiceWindow window;

	private final MessagingLimit messagingLimit;

	private final NoticeTemplates templates;

	private final Duration pairLimitBackoff;

	WhatsAppChatSender(GraphApi api, SendPacing pacing, OutgoingMessages outgoing, WhatsAppAccount account,
			CustomerServiceWindow window, MessagingLimit messagingLimit, NoticeTemplates templates,
			Duration pairLimitBackoff) {
		this.api = api;
		this.pacing = pacing;
		this.outgoing = outgoing;
		this.account = account;
		this.window = window;
		this.messagingLimit = messagingLimit;
		this.templates = templates;
		this.pairLimitBackoff = pairLimitBackoff;
	}

	/** Its pacing, which broadcasts from the same number share. */
	SendPacing pacing() {
		return this.pacing;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public Mono<Void> send(BotReply reply) {
		return Flux.fromIterable(reply.messages())
			.concatMap((message) -> (message instanceof OutgoingMessage.Notice notice)
					? deliverNotice(reply.chatId(), notice) : deliverAll(reply.chatId(), message, null))
			.then();
	}

	/**
	 * Sends one ready {@code /messages} body in its turn, with our own id for it in
	 * {@code biz_opaque_callback_data} (status webhooks carry it back), and records the
	 * message (with the notification it carries, if any) so its statuses find it; emits
	 * the message's wamid.
	 */
	Mono<String> sendBody(String to, ObjectNode body, @Nullable UUID notificationId) {
		WhatsAppAccount.Blocked blocked = this.account.blocked();
		if (blocked != null) {
			return Mono.error(new WhatsAppSendingStoppedException(blocked.code()));
		}
		UUID ourId = UUID.randomUUID();
		body.put("biz_opaque_callback_data", ourId.toString());
		return Mono.defer(() -> this.pacing.awaitTurn(to).then(Mono.defer(() -> this.api.send(body))))
			.retryWhen(pairLimitRetry(to))
			.doOnError(GraphApiException.class, this.account::observe)
			.onErrorMap(GraphApiException.class::isInstance, (error) -> unreachableOr(to, (GraphApiException) error))
			.flatMap((wamid) -> recorded(wamid, ourId, to, notificationId));
	}

	/**
	 * WhatsApp answered that this recipient got too many messages lately (131056): the
	 * pacing's count was off (e.g. messages sent by another system); others can still be
	 * sent to. Waits, four times longer each time, then takes a turn again.
	 */
	private Retry pairLimitRetry(String to) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			boolean pairLimited = signal.failure() instanceof GraphApiException graph && graph.pairRateLimited();
			if (!pairLimited || signal.totalRetries() >= PAIR_LIMIT_RETRIES) {
				return Mono.error(signal.failure());
			}
			Duration wait = this.pairLimitBackoff.multipliedBy(1L << (2 * signal.totalRetries()));
			log.info("WhatsApp pair rate limit (131056) for {}; sending again in {}", to, wait);
			return Mono.delay(wait);
		}));
	}

	private Mono<Void> deliverAll(String to, OutgoingMessage message, @Nullable UUID notificationId) {
		return Flux.fromIterable(WhatsAppMessages.render(to, message))
			.concatMap((outbound) -> deliver(to, outbound, notificationId))
			.then();
	}

	private Mono<Void> deliverNotice(String to, OutgoingMessage.Notice notice) {
		Mono<Void> template = Mono.defer(() -> sendTemplate(to, notice));
		if (notice.templateOnly()) {
			return template;
		}
		return this.window.isOpen(to)
			.flatMap(
					(open) -> open
							? deliverAll(to, notice, notice.notificationId()).onErrorResume(
									OutsideWindowException.class, (closed) -> this.window.closed(to).then(template))
							: template);
	}

	private Mono<Void> sendTemplate(String to, OutgoingMessage.Notice notice) {
		Optional<NoticeTemplates.Template> found = this.templates.of(notice.kind());
		if (found.isEmpty()) {
			return Mono.error(new MessageNotAllowedException(to,
					"outside the 24-hour window, and no WhatsApp template for " + notice.kind()));
		}
		NoticeTemplates.Template template = found.get();
		String language = this.templates.language(notice.language());
		List<String> values = template.parameters()
			.stream()
			.map((field) -> notice.fields().getOrDefault(field, ""))
			.toList();
		ObjectNode body = WhatsAppMessages.templateBody(to, template.name(), language, values,
				(template.format() == ParameterFormat.NAMED) ? template.parameters() : null);
		return this.messagingLimit.admit(to).flatMap((wait) -> {
			if (!wait.isZero()) {
				return Mono.error(new MessageNotAllowedException(to, "the WhatsApp messaging limit is reached for "
						+ wait.toMinutes() + " more minutes; no template may go to a new user"));
			}
			return sendBody(to, body, notice.notificationId()).then()
				.onErrorMap((error) -> error instanceof GraphApiException graph && graph.templateProblem(),
						(error) -> unusable(to, template, language, (GraphApiException) error));
		});
	}

	private static MessageNotAllowedException unusable(String to, NoticeTemplates.Template template, String language,
			GraphApiException error) {
		log.error(
				"WhatsApp refused the template {} ({}): code {}, {}; check it in WhatsApp Manager (approved in "
						+ "this language, parameters {}) or punchcard.whatsapp.templates",
				template.name(), language, error.code(), error.details(), template.parameters());
		return new MessageNotAllowedException(to, "WhatsApp template " + template.name() + " (" + language
				+ ") refused with code " + error.code() + ": " + error.details());
	}

	/**
	 * Records the sent message; a failure to record is logged, never fails the send
	 * (sending it again would deliver it twice).
	 */
	private Mono<String> recorded(String wamid, UUID ourId, String to, @Nullable UUID notificationId) {
		return this.outgoing.accepted(ChatChannel.WHATSAPP, wamid, ourId, to, notificationId).onErrorResume((error) -> {
			log.warn("WhatsApp message {} was sent but not recorded: {}", wamid, error.toString());
			return Mono.empty();
		}).thenReturn(wamid);
	}

	private Mono<String> deliver(String to, WhatsAppOutbound outbound, @Nullable UUID notificationId) {
		return switch (outbound) {
			case WhatsAppOutbound.Message message -> sendBody(to, message.body(), notificationId);
			case WhatsAppOutbound.Image image -> this.api.uploadPng(image.png())
				.flatMap((mediaId) -> sendBody(to, WhatsAppMessages.imageBody(to, mediaId, image.caption()),
						notificationId));
		};
	}

	private static RuntimeException unreachableOr(String to, GraphApiException error) {
		if (error.unreachable()) {
			return new RecipientUnreachableException(to);
		}
		if (error.outsideWindow()) {
			return new OutsideWindowException(to);
		}
		return error;
	}

}
