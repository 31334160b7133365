package dev.punchcard.webhooks.whatsapp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import dev.punchcard.bot.conversation.ChatFiles;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Downloads the photos users send (a card QR for {@code /scan}): the media's URL is
 * looked up with the bearer token, the file fetched with it, at most the size limit, and
 * its bytes checked against the SHA-256 the webhook gave. A file that is too large, gone,
 * or not what the webhook announced is not offered to the engine.
 */
class WhatsAppChatFiles implements ChatFiles {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppChatFiles.class);

	private final GraphApi api;

	WhatsAppChatFiles(GraphApi api) {
		this.api = api;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	/**
	 * @param fileId {@code <media id>#<sha256>}, as the edge reads a photo from its
	 * webhook
	 */
	@Override
	public Mono<byte[]> download(String fileId, long maxBytes) {
		int hash = fileId.indexOf('#');
		String mediaId = (hash < 0) ? fileId : fileId.substring(0, hash);
		String announced = (hash < 0) ? "" : fileId.substring(hash + 1);
		return this.api.media(mediaId)
			.filter((media) -> media.fileSize() <= maxBytes)
			.flatMap((media) -> this.api.download(media.url(), maxBytes))
			.filter((bytes) -> matches(bytes, announced, mediaId))
			.onErrorResume(GraphApiException.class, (error) -> gone(mediaId, error));
	}

	/**
	 * Meta refused the media (unknown or expired id, 4xx): it is not available, which the
	 * engine explains; a failure that retries could not fix (5xx) is passed on.
	 */
	private static Mono<byte[]> gone(String mediaId, GraphApiException error) {
		if (error.retryable()) {
			return Mono.error(error);
		}
		log.info("WhatsApp media {} is not available: {}", mediaId, error.getMessage());
		return Mono.empty();
	}

	/**
	 * Whether the bytes are the file the webhook announced: its {@code sha256}, which
	 * Meta writes in Base64 (hex accepted too).
	 */
	private static boolean matches(byte[] bytes, String announced, String mediaId) {
		byte[] expected = decoded(announced);
		if (expected == null || !MessageDigest.isEqual(sha256(bytes), expected)) {
			log.warn("WhatsApp media {} does not match the SHA-256 of its webhook; not used", mediaId);
			return false;
		}
		return true;
	}

	private static byte[] decoded(String announced) {
		try {
			return (announced.length() == 64 && announced.matches("[0-9a-fA-F]+")) ? HexFormat.of().parseHex(announced)
					: Base64.getDecoder().decode(announced);
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

}
