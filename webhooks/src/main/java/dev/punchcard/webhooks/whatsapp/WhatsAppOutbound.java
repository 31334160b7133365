package dev.punchcard.webhooks.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Graph API send that delivers (part of) an outgoing message. */
sealed interface WhatsAppOutbound {

	/**
	 * A message ready to post to {@code /messages}.
	 *
	 * @param body the request body
	 */
	record Message(ObjectNode body) implements WhatsAppOutbound {
	}

	/**
	 * An image to upload first, then to send by its media id.
	 *
	 * @param png the image
	 * @param caption the caption, already WhatsApp formatting; empty for none
	 */
	record Image(byte[] png, String caption) implements WhatsAppOutbound {
	}

}
