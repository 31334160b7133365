package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.bot.pacing.SendPacing;
import java.util.UUID;

import dev.punchcard.core.chat.application.OutgoingMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.MessageNotAllowedException;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a reply's messages to WhatsApp one after the other, each when the pacing gives it
 * a turn; an image is uploaded first and sent by its media id. Stops at the first
 * failure: later messages of the reply are not sent. A recipient WhatsApp cannot deliver
 * to (131026) errors with {@link RecipientUnreachableException}.
 */
class WhatsAppChatSender implements ChatSender {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppChatSender.class);

	private final GraphApi api;

	private final SendPacing pacing;

	private final OutgoingMessages outgoing;

	private final WhatsAppAccount account;

	WhatsAppChatSender(GraphApi api, SendPacing pacing, OutgoingMessages outgoing) {
		this(api, pacing, outgoing, new WhatsAppAccount());
	}

	WhatsAppChatSender(GraphApi api, SendPacing pacing, OutgoingMessages outgoing, WhatsAppAccount account) {
		this.api = api;
		this.pacing = pacing;
		this.outgoing = outgoing;
		this.account = account;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public Mono<Void> send(BotReply reply) {
		return Flux.fromIterable(reply.messages())
			.concatMapIterable((message) -> WhatsAppMessages.render(reply.chatId(), message))
			.concatMap((outbound) -> deliver(reply.chatId(), outbound))
			.then();
	}

	/**
	 * Sends one ready {@code /messages} body in its turn, with our own id for it in
	 * {@code biz_opaque_callback_data} (status webhooks carry it back), and records the
	 * message so its statuses find it; emits the message's wamid.
	 */
	Mono<String> sendBody(String to, ObjectNode body) {
		WhatsAppAccount.Blocked blocked = this.account.blocked();
		if (blocked != null) {
			return Mono.error(new WhatsAppSendingStoppedException(blocked.code()));
		}
		UUID ourId = UUID.randomUUID();
		body.put("biz_opaque_callback_data", ourId.toString());
		return this.pacing.awaitTurn(to)
			.then(Mono.defer(() -> this.api.send(body)))
			.doOnError(GraphApiException.class, this.account::observe)
			.onErrorMap(GraphApiException.class::isInstance, (error) -> unreachableOr(to, (GraphApiException) error))
			.flatMap((wamid) -> recorded(wamid, ourId, to));
	}

	/**
	 * Records the sent message; a failure to record is logged, never fails the send
	 * (sending it again would deliver it twice).
	 */
	private Mono<String> recorded(String wamid, UUID ourId, String to) {
		return this.outgoing.accepted(ChatChannel.WHATSAPP, wamid, ourId, to).onErrorResume((error) -> {
			log.warn("WhatsApp message {} was sent but not recorded: {}", wamid, error.toString());
			return Mono.empty();
		}).thenReturn(wamid);
	}

	private Mono<String> deliver(String to, WhatsAppOutbound outbound) {
		return switch (outbound) {
			case WhatsAppOutbound.Message message -> sendBody(to, message.body());
			case WhatsAppOutbound.Image image -> this.api.uploadPng(image.png())
				.flatMap((mediaId) -> sendBody(to, WhatsAppMessages.imageBody(to, mediaId, image.caption())));
		};
	}

	private static RuntimeException unreachableOr(String to, GraphApiException error) {
		if (error.unreachable()) {
			return new RecipientUnreachableException(to);
		}
		if (error.outsideWindow()) {
			return new MessageNotAllowedException(to, "more than 24 hours since the user last wrote (131047)");
		}
		return error;
	}

}
