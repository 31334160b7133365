package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A channel-neutral message to send. Texts are {@link MarkedText}s (plain, bold, italic,
 * code), never a platform's mark-up; each edge renders them for its platform, escapes
 * what users typed, and splits what is too long. Choices are offered in rows; an edge
 * whose platform has no rows (WhatsApp) lays them out its own way.
 */
public sealed interface OutgoingMessage {

	/**
	 * A text, optionally with choices (rows of buttons).
	 *
	 * @param text the text
	 * @param buttons rows of choices; empty for none
	 */
	record Text(MarkedText text, List<List<Button>> buttons) implements OutgoingMessage {

		public static Text of(MarkedText text) {
			return new Text(text, List.of());
		}

	}

	/**
	 * A PNG image with a caption, e.g. a member card or voucher QR code.
	 *
	 * @param png the image
	 * @param caption the caption
	 */
	record Image(byte[] png, MarkedText caption) implements OutgoingMessage {
	}

	/**
	 * Asks for the user's own phone number: a text with a one-tap button that shares it
	 * where the platform has one (Telegram); elsewhere the edge says how to share it.
	 *
	 * @param text the text
	 * @param buttonLabel the button's label, plain text
	 */
	record AskForPhone(MarkedText text, String buttonLabel) implements OutgoingMessage {
	}

	/**
	 * Acknowledges a button press (stops the client's progress indicator where the
	 * platform shows one), optionally with a short notice; an edge without
	 * acknowledgements sends the notice as a text, or nothing.
	 *
	 * @param callbackId the press being answered
	 * @param notice up to 200 characters, or null
	 */
	record ButtonAnswer(String callbackId, @Nullable String notice) implements OutgoingMessage {
	}

	/**
	 * A notification the member did not just ask for (points credited, a voucher issued,
	 * …). Most channels send its text. A channel that allows only pre-approved templates
	 * outside a conversation (WhatsApp, 24 hours after the member last wrote) sends the
	 * template it has configured for the kind instead, filled from the fields.
	 *
	 * @param text the text
	 * @param kind what it tells, e.g. {@code PointsCredited}
	 * @param language the member's language, {@code en} or {@code ru}
	 * @param fields what a template may show, formatted for the member: {@code points},
	 * {@code balance}, {@code store}, … (see {@code NoticeFields})
	 * @param notificationId the notification, so that a later failure report finds it
	 * @param templateOnly the channel refused it as free text: only its template may go
	 */
	record Notice(MarkedText text, String kind, String language, Map<String, String> fields, UUID notificationId,
			boolean templateOnly) implements OutgoingMessage {

		public Notice {
			fields = Map.copyOf(fields);
		}

	}

	/**
	 * A choice.
	 *
	 * @param label what it shows, plain text
	 * @param data what it sends back, at most 64 bytes (the tightest platform's limit:
	 * Telegram's callback data)
	 */
	record Button(String label, String data) {

		public Button {
			if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
				throw new IllegalArgumentException("button data is limited to 64 bytes");
			}
		}

	}

}
