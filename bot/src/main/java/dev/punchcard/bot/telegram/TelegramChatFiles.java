package dev.punchcard.bot.telegram;

import dev.punchcard.bot.conversation.ChatFiles;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.telegram.telegrambots.meta.api.objects.File;
import reactor.core.publisher.Mono;

/**
 * Downloads files users sent with {@code getFile} and the file URL; files over the limit
 * are not downloaded at all when Telegram tells their size, and cut off when it does not.
 */
class TelegramChatFiles implements ChatFiles {

	private final TelegramBotApi api;

	TelegramChatFiles(TelegramBotApi api) {
		this.api = api;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	@Override
	public Mono<byte[]> download(String fileId, long maxBytes) {
		int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
		return this.api.getFile(fileId)
			// 400: unknown file id, or over the 20 MB bots may download
			.onErrorResume(BotApiException.class,
					(error) -> (error.errorCode() == 400) ? Mono.empty() : Mono.error(error))
			.filter((file) -> fitsWithin(file, limit))
			.flatMap((file) -> this.api.download(file.getFilePath(), limit));
	}

	private static boolean fitsWithin(File file, int limit) {
		return file.getFilePath() != null && (file.getFileSize() == null || file.getFileSize() <= limit);
	}

}
