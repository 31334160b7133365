package dev.punchcard.bot.telegram;

import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a reply's messages to Telegram one after the other, each when the pacing gives it
 * a turn (per chat and for the bot). Stops at the first failure: later messages of the
 * reply are not sent.
 */
class TelegramChatSender implements ChatSender {

	private final TelegramBotApi api;

	private final SendPacing pacing;

	TelegramChatSender(TelegramBotApi api, SendPacing pacing) {
		this.api = api;
		this.pacing = pacing;
	}

	/** Its pacing, which broadcasts to the same bot share. */
	SendPacing pacing() {
		return this.pacing;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	@Override
	public Mono<Void> send(BotReply reply) {
		return Flux.fromIterable(reply.messages())
			.concatMapIterable((message) -> TelegramMessages.render(reply.chatId(), message))
			.concatMap((request) -> deliver(reply.chatId(), request))
			.then();
	}

	private Mono<Void> deliver(String chatId, TelegramOutbound request) {
		Mono<Void> turn = request.isChatMessage() ? this.pacing.awaitTurn(chatId) : Mono.empty();
		return turn.then(Mono.defer(() -> call(request)));
	}

	private Mono<Void> call(TelegramOutbound request) {
		return switch (request) {
			case TelegramOutbound.Text text -> this.api.sendMessage(text.message());
			case TelegramOutbound.Photo photo -> this.api.sendPhoto(photo.chatId(), photo.png(), photo.captionHtml());
			case TelegramOutbound.CallbackAnswer answer -> this.api.answerCallbackQuery(answer.answer());
		};
	}

}
