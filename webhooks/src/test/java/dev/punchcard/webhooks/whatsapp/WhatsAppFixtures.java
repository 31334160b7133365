package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real-shaped WhatsApp webhook bodies: Meta's examples from
 * {@code src/test/resources/whatsapp} (see its SOURCES.md), and batches built in their
 * shape.
 */
final class WhatsAppFixtures {

	/** The business number id of the fixtures. */
	static final String PHONE_NUMBER_ID = "1122334455667";

	static final String APP_SECRET = "app-secret-for-tests";

	static final String VERIFY_TOKEN = "verify-token-for-tests";

	private WhatsAppFixtures() {
	}

	static String json(String name) {
		try (InputStream in = WhatsAppFixtures.class.getResourceAsStream("/whatsapp/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing fixture whatsapp/" + name + " in webhooks/src/test/resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One webhook POST of text messages, each from its own user
	 * ({@code 4915100000000 + i}), with the contacts and metadata as Meta sends them;
	 * {@code name} is each sender's profile name, written with JSON escapes as Meta
	 * writes non-ASCII text.
	 */
	static String textBatch(int count, String wamidPrefix, String name, String text) {
		List<String> contacts = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String waId = Long.toString(4915100000000L + i);
			contacts.add("""
					{"profile": {"name": "%s"}, "wa_id": "%s"}""".formatted(name, waId));
			messages.add("""
					{"from": "%s", "id": "%s%d", "timestamp": "1764590000", "type": "text", "text": {"body": "%s"}}"""
				.formatted(waId, wamidPrefix, i, text));
		}
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
				  "contacts": [%s],
				  "messages": [%s]}, "field": "messages"}]}]}
				""".formatted(PHONE_NUMBER_ID, String.join(",", contacts), String.join(",", messages));
	}

}
