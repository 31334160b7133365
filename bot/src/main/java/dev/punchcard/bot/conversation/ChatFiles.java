package dev.punchcard.bot.conversation;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Downloads files users sent (photos of QR codes), implemented by each channel's edge.
 */
public interface ChatFiles {

	/** The channel this implementation downloads from. */
	ChatChannel channel();

	/**
	 * Emits the file's bytes, or completes empty when it is larger than {@code maxBytes}
	 * or no longer available.
	 */
	Mono<byte[]> download(String fileId, long maxBytes);

}
