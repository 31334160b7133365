package dev.punchcard.bot.telegram;

import java.io.Serializable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.User;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * The Bot API methods the service uses, over {@link BotApiTransport} with
 * {@link BotApiRetry}. Request bodies are TelegramBots method objects written as JSON. A
 * 403 on a call to a chat errors with {@link RecipientUnreachableException}; every other
 * failure with {@link BotApiException}. Nothing happens until subscription.
 */
class TelegramBotApi {

	private final BotApiTransport transport;

	private final BotApiRetry retry;

	TelegramBotApi(BotApiTransport transport, BotApiRetry retry) {
		this.transport = transport;
		this.retry = retry;
	}

	Mono<Void> sendMessage(SendMessage message) {
		return call("sendMessage", message, message.getChatId()).then();
	}

	/** Uploads a PNG with an HTML caption ({@code sendPhoto} as multipart). */
	Mono<Void> sendPhoto(String chatId, byte[] png, String captionHtml) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("chat_id", chatId);
		form.part("photo", new ByteArrayResource(png)).filename("image.png").contentType(MediaType.IMAGE_PNG);
		if (!captionHtml.isEmpty()) {
			form.part("caption", captionHtml);
			form.part("parse_mode", "HTML");
		}
		Mono<JsonNode> upload = Mono.defer(() -> this.transport.postMultipart("sendPhoto", form.build()));
		return withRetry("sendPhoto", upload, chatId).then();
	}

	/**
	 * One call with a ready JSON body and no retry (a broadcast's queue retries); emits
	 * the {@code result}, or errors with {@link BotApiException}.
	 */
	Mono<JsonNode> postOnce(String method, byte[] json) {
		return Mono.defer(() -> this.transport.postJson(method, json));
	}

	/**
	 * {@link #sendPhoto} once, with no retry and optionally an inline keyboard (its
	 * JSON); emits the sent message.
	 */
	Mono<JsonNode> sendPhotoOnce(String chatId, byte[] png, String captionHtml, @Nullable String replyMarkup) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("chat_id", chatId);
		form.part("photo", new ByteArrayResource(png)).filename("image.png").contentType(MediaType.IMAGE_PNG);
		if (!captionHtml.isEmpty()) {
			form.part("caption", captionHtml);
			form.part("parse_mode", "HTML");
		}
		if (replyMarkup != null) {
			form.part("reply_markup", replyMarkup);
		}
		return Mono.defer(() -> this.transport.postMultipart("sendPhoto", form.build()));
	}

	Mono<Void> answerCallbackQuery(AnswerCallbackQuery answer) {
		return call("answerCallbackQuery", answer, null).then();
	}

	/** Emits the file's metadata ({@code file_path}, {@code file_size}). */
	Mono<File> getFile(String fileId) {
		return call("getFile", new GetFile(fileId), null)
			.map((result) -> BotApiAnswers.as("getFile", result, File.class));
	}

	/**
	 * Emits the file's bytes, or completes empty when it is over {@code maxBytes} or
	 * gone.
	 */
	Mono<byte[]> download(String filePath, int maxBytes) {
		return withRetry("download", Mono.defer(() -> this.transport.download(filePath, maxBytes)), null);
	}

	Mono<Void> setMyCommands(SetMyCommands commands) {
		return call("setMyCommands", commands, null).then();
	}

	Mono<Void> setWebhook(SetWebhook webhook) {
		return call("setWebhook", webhook, null).then();
	}

	Mono<Void> deleteWebhook() {
		return call("deleteWebhook", new DeleteWebhook(), null).then();
	}

	Mono<User> getMe() {
		return call("getMe", new GetMe(), null).map((result) -> BotApiAnswers.as("getMe", result, User.class));
	}

	/**
	 * Calls {@code name} (the Bot API's spelling; TelegramBots' own is lower-case) with
	 * the method's JSON.
	 */
	private Mono<JsonNode> call(String name, PartialBotApiMethod<? extends Serializable> method,
			@Nullable String chatId) {
		return withRetry(name,
				Mono.defer(() -> this.transport.postJson(name, TelegramJson.bytes(TelegramJson.request(method)))),
				chatId);
	}

	private <T> Mono<T> withRetry(String name, Mono<T> call, @Nullable String chatId) {
		return call.retryWhen(this.retry.forMethod(name))
			.onErrorMap((error) -> chatId != null && error instanceof BotApiException api && api.isForbidden(),
					(error) -> new RecipientUnreachableException(chatId));
	}

}
