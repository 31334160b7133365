package dev.punchcard.webhooks.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
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

	private final GraphApi api;

	private final SendPacing pacing;

	WhatsAppChatSender(GraphApi api, SendPacing pacing) {
		this.api = api;
		this.pacing = pacing;
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

	/** Sends one ready {@code /messages} body in its turn; emits the message's wamid. */
	Mono<String> sendBody(String to, ObjectNode body) {
		return this.pacing.awaitTurn(to)
			.then(Mono.defer(() -> this.api.send(body)))
			.onErrorMap(GraphApiException.class::isInstance, (error) -> unreachableOr(to, (GraphApiException) error));
	}

	private Mono<String> deliver(String to, WhatsAppOutbound outbound) {
		return switch (outbound) {
			case WhatsAppOutbound.Message message -> sendBody(to, message.body());
			case WhatsAppOutbound.Image image -> this.api.uploadPng(image.png())
				.flatMap((mediaId) -> sendBody(to, WhatsAppMessages.imageBody(to, mediaId, image.caption())));
		};
	}

	private static RuntimeException unreachableOr(String to, GraphApiException error) {
		return error.unreachable() ? new RecipientUnreachableException(to) : error;
	}

}
