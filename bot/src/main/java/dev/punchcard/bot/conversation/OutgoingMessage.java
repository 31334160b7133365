package dev.punchcard.bot.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A channel-neutral message to send. Texts are HTML limited to {@code <b>}, {@code <i>}
 * and {@code <code>}, with every piece of user-provided text already escaped; each edge
 * renders that for its platform and splits what is too long.
 */
public sealed interface OutgoingMessage {

	/**
	 * A text, optionally with inline buttons (rows of buttons).
	 *
	 * @param html the text
	 * @param buttons rows of inline buttons; empty for none
	 */
	record Text(String html, List<List<Button>> buttons) implements OutgoingMessage {

		public static Text of(String html) {
			return new Text(html, List.of());
		}

	}

	/**
	 * A PNG image with a caption, e.g. a member card or voucher QR code.
	 *
	 * @param png the image
	 * @param captionHtml the caption
	 */
	record Image(byte[] png, String captionHtml) implements OutgoingMessage {
	}

	/**
	 * A text with a one-tap button that shares the user's own phone number.
	 *
	 * @param html the text
	 * @param buttonLabel the button's label
	 */
	record AskForPhone(String html, String buttonLabel) implements OutgoingMessage {
	}

	/**
	 * Acknowledges a button press (stops the client's progress indicator), optionally
	 * with a short notice.
	 *
	 * @param callbackId the press being answered
	 * @param notice up to 200 characters, or null
	 */
	record ButtonAnswer(String callbackId, @Nullable String notice) implements OutgoingMessage {
	}

	/**
	 * An inline button.
	 *
	 * @param label what it shows
	 * @param data what it sends back, at most 64 bytes
	 */
	record Button(String label, String data) {

		public Button {
			if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
				throw new IllegalArgumentException("button data is limited to 64 bytes");
			}
		}

	}

}
