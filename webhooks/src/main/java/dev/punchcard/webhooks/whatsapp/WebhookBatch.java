package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a webhook body into what is stored and handled one by one: every message of
 * every change of every entry (keyed by its wamid), every status (keyed by wamid and
 * status, since one message has up to three), every marketing preference change. Each is
 * stored with what it needs to be handled alone: a message with the sender's contact and
 * the number's metadata. Changes for another business number, and fields the bot does not
 * use, are left out; unknown fields never fail the batch.
 */
final class WebhookBatch {

	private static final Logger log = LoggerFactory.getLogger(WebhookBatch.class);

	/**
	 * Meta's payloads nest a few levels deep: anything far deeper is not theirs. Stored
	 * items are written in ASCII, every other character escaped, so that text no database
	 * encoding takes (a lone surrogate, which JSON escapes allow) is still stored as
	 * sent.
	 */
	static final ObjectMapper JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

	/** The longest id a key may hold (a wamid is up to 128 characters). */
	private static final int MAX_ID = 256;

	private final String phoneNumberId;

	WebhookBatch(String phoneNumberId) {
		this.phoneNumberId = phoneNumberId;
	}

	/**
	 * The updates of the body; empty when it is not a JSON object (malformed, or another
	 * shape entirely).
	 */
	Optional<List<ReceivedUpdate>> split(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (IOException malformed) {
			return Optional.empty();
		}
		if (root == null || !root.isObject()) {
			return Optional.empty();
		}
		List<ReceivedUpdate> updates = new ArrayList<>();
		for (JsonNode entry : root.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				change(entry, change, updates);
			}
		}
		return Optional.of(updates);
	}

	private void change(JsonNode entry, JsonNode change, List<ReceivedUpdate> updates) {
		JsonNode value = change.path("value");
		String number = value.path("metadata").path("phone_number_id").asText("");
		if (!number.isEmpty() && !number.equals(this.phoneNumberId)) {
			log.debug("Skipped a webhook change for another business number");
			return;
		}
		for (JsonNode error : value.path("errors")) {
			log.warn("WhatsApp reported an error in a webhook: code {} {}", error.path("code").asInt(),
					error.path("title").asText(""));
		}
		switch (change.path("field").asText("")) {
			case "messages" -> {
				for (JsonNode message : value.path("messages")) {
					message(value, message, updates);
				}
				for (JsonNode status : value.path("statuses")) {
					status(status, updates);
				}
			}
			case "user_preferences" -> {
				for (JsonNode preference : value.path("user_preferences")) {
					preference(preference, updates);
				}
			}
			case "phone_number_quality_update" -> limit(entry, value, updates);
			default -> log.debug("Skipped a webhook change of field {}", change.path("field").asText(""));
		}
	}

	/**
	 * A change of the portfolio's messaging limit (or of the number's quality), with the
	 * entry's time, by which the newest change wins; keyed by the business account, its
	 * time and the limit named, so a redelivery is stored once.
	 */
	private static void limit(JsonNode entry, JsonNode value, List<ReceivedUpdate> updates) {
		String account = entry.path("id").asText("");
		String time = entry.path("time").asText("");
		String key = "limit:" + account + ":" + time + ":" + value.path("event").asText("") + ":"
				+ value.path("max_daily_conversations_per_business").asText(value.path("current_limit").asText(""));
		if (!usable(key) || !time.matches("[0-9]{1,12}")) {
			log.warn("Skipped a WhatsApp quality update without a usable account or time");
			return;
		}
		ObjectNode stored = JSON.createObjectNode().put("kind", "limit").put("time", time);
		stored.set("change", value);
		updates.add(new ReceivedUpdate(key, "portfolio:" + account, written(stored)));
	}

	private static void message(JsonNode value, JsonNode message, List<ReceivedUpdate> updates) {
		String wamid = message.path("id").asText("");
		// a user with a username may come without a phone number: then the contact's
		// business-scoped id is the sender
		JsonNode only = (value.path("contacts").size() == 1) ? value.path("contacts").get(0) : JSON.nullNode();
		String from = message.path("from").asText(only.path("wa_id").asText(only.path("user_id").asText("")));
		if (!usable(wamid) || !usable(from)) {
			log.warn("Skipped a WhatsApp message without a usable id or sender");
			return;
		}
		ObjectNode stored = JSON.createObjectNode().put("kind", "message");
		stored.set("metadata", value.path("metadata"));
		stored.set("contact", contactOf(value, from));
		stored.set("message", message);
		updates.add(new ReceivedUpdate(wamid, from, written(stored)));
	}

	private static void status(JsonNode status, List<ReceivedUpdate> updates) {
		String wamid = status.path("id").asText("");
		String state = status.path("status").asText("");
		String recipient = status.path("recipient_id").asText(status.path("recipient_user_id").asText(""));
		if (!usable(wamid) || !usable(state) || state.length() > 32 || (!recipient.isEmpty() && !usable(recipient))) {
			log.warn("Skipped a WhatsApp status without a usable id or status");
			return;
		}
		ObjectNode stored = JSON.createObjectNode().put("kind", "status");
		stored.set("status", status);
		updates.add(new ReceivedUpdate(wamid + ":" + state, recipient.isEmpty() ? wamid : recipient, written(stored)));
	}

	private static void preference(JsonNode preference, List<ReceivedUpdate> updates) {
		String user = preference.path("wa_id").asText(preference.path("user_id").asText(""));
		if (!usable(user)) {
			return;
		}
		String key = "pref:" + user + ":" + preference.path("category").asText("") + ":"
				+ preference.path("value").asText("") + ":" + preference.path("timestamp").asText("");
		if (!usable(key)) {
			return;
		}
		ObjectNode stored = JSON.createObjectNode().put("kind", "preference");
		stored.set("preference", preference);
		updates.add(new ReceivedUpdate(key, user, written(stored)));
	}

	private static String written(ObjectNode stored) {
		try {
			return JSON.writeValueAsString(stored);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a tree read from JSON could not be written", ex);
		}
	}

	/** The contact of the sender (by wa_id or BSUID), or the only one; else empty. */
	private static JsonNode contactOf(JsonNode value, String from) {
		JsonNode contacts = value.path("contacts");
		for (JsonNode contact : contacts) {
			if (from.equals(contact.path("wa_id").asText()) || from.equals(contact.path("user_id").asText())) {
				return contact;
			}
		}
		return (contacts.size() == 1) ? contacts.get(0) : JSON.createObjectNode();
	}

	/**
	 * Whether the id can be a key: not blank, not too long, and only characters a
	 * database can store (no control characters, no lone surrogates). Meta's ids are
	 * ASCII; anything else is not Meta's and is skipped, so a batch is never refused for
	 * it (a refused batch is delivered again for days).
	 */
	private static boolean usable(String id) {
		return !id.isBlank() && id.length() <= MAX_ID
				&& id.codePoints().noneMatch((c) -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF));
	}

}
