package dev.punchcard.webhooks.whatsapp;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored webhook item (see {@link WebhookBatch}) into what the edge does with it:
 * a message becomes a {@link ChatEvent} (text, a tapped reply button or list row, a
 * template's quick-reply button, a photo, a shared contact; any other kind is
 * {@link ChatInput.Unsupported}, so it gets a helpful answer), a status or preference
 * change its own update. The display name comes from the contact's profile.
 */
final class WhatsAppUpdates {

	/** What a "Stop promotions" button means. */
	private static final ChatInput STOP = new ChatInput.Command("stop", "");

	private WhatsAppUpdates() {
	}

	static WhatsAppUpdate read(JsonNode stored) {
		return switch (stored.path("kind").asText("")) {
			case "message" -> message(stored.path("message"), stored.path("contact"));
			case "status" -> status(stored.path("status"));
			case "preference" -> preference(stored.path("preference"));
			case "limit" -> limit(stored.path("change"), stored.path("time"));
			default -> new WhatsAppUpdate.Ignored("unknown kind " + stored.path("kind").asText(""));
		};
	}

	private static WhatsAppUpdate message(JsonNode message, JsonNode contact) {
		String from = message.path("from").asText("");
		WhatsAppIdentity identity = new WhatsAppIdentity(text(contact, "wa_id", from.matches("[0-9]+") ? from : null),
				text(contact, "user_id", from.matches("[0-9]+") ? null : nullIfEmpty(from)),
				text(contact, "parent_user_id", null), contact.path("profile").path("name").asText(""));
		if (identity.waId() == null && identity.userId() == null) {
			return new WhatsAppUpdate.Ignored("a message without a sender");
		}
		String type = message.path("type").asText("");
		if ("reaction".equals(type)) {
			return new WhatsAppUpdate.Ignored("a reaction");
		}
		String wamid = message.path("id").asText("");
		ChatInput input = input(type, message, wamid);
		ChatEvent event = new ChatEvent(wamid, ChatChannel.WHATSAPP, identity.key(), identity.key(), identity.name(),
				null, input, identity.verifiedPhone());
		return new WhatsAppUpdate.Event(event, identity, sentAt(message), reply(type, message));
	}

	private static ChatInput input(String type, JsonNode message, String wamid) {
		return switch (type) {
			case "text" -> new ChatInput.Text(message.path("text").path("body").asText(""));
			case "interactive" -> interactive(message.path("interactive"), wamid);
			case "button" -> templateButton(message.path("button"), wamid);
			case "image" -> image(message.path("image"));
			case "contacts" -> contact(message.path("contacts").path(0));
			default -> new ChatInput.Unsupported();
		};
	}

	/**
	 * The button a message taps on one of ours ({@code context.id}): a template's quick
	 * reply (its payload, else its text) or a reply button (its id); null otherwise.
	 */
	private static WhatsAppUpdate.@Nullable ButtonReply reply(String type, JsonNode message) {
		String repliedTo = message.path("context").path("id").asText("");
		String button = switch (type) {
			case "button" ->
				message.path("button").path("payload").asText(message.path("button").path("text").asText(""));
			case "interactive" -> message.path("interactive").path("button_reply").path("id").asText("");
			default -> "";
		};
		return (repliedTo.isEmpty() || button.isEmpty()) ? null : new WhatsAppUpdate.ButtonReply(repliedTo, button);
	}

	private static ChatInput interactive(JsonNode interactive, String wamid) {
		JsonNode reply = switch (interactive.path("type").asText("")) {
			case "button_reply" -> interactive.path("button_reply");
			case "list_reply" -> interactive.path("list_reply");
			default -> null;
		};
		String id = (reply != null) ? reply.path("id").asText("") : "";
		if (BroadcastFeedback.STOP_PROMOTIONS.equalsIgnoreCase(id)) {
			return STOP;
		}
		return id.isEmpty() ? new ChatInput.Unsupported() : new ChatInput.ButtonPress(wamid, id);
	}

	/**
	 * A template's quick-reply button: our own choice data when it has the engine's
	 * {@code prefix:value} shape, else the text typed on it (e.g. {@code STOP}), read as
	 * typed text. The payload {@code STOP_PROMOTIONS} (a broadcast template's "Stop
	 * promotions") is {@code /stop}, whatever the button says.
	 */
	private static ChatInput templateButton(JsonNode button, String wamid) {
		String payload = button.path("payload").asText("");
		if (BroadcastFeedback.STOP_PROMOTIONS.equalsIgnoreCase(payload)) {
			return STOP;
		}
		if (payload.matches("[a-z]{1,16}:.*")) {
			return new ChatInput.ButtonPress(wamid, payload);
		}
		String text = button.path("text").asText(payload);
		return new ChatInput.Text(text.isEmpty() ? payload : text);
	}

	/**
	 * A photo, referred to as {@code <media id>#<sha256>} so that the download can check
	 * what it got.
	 */
	private static ChatInput image(JsonNode image) {
		String id = image.path("id").asText("");
		if (id.isEmpty()) {
			return new ChatInput.Unsupported();
		}
		return new ChatInput.Photo(id + "#" + image.path("sha256").asText(""), image.path("file_size").asLong(0));
	}

	/**
	 * A shared contact card: its first phone, and the WhatsApp user it belongs to. The
	 * number is WhatsApp's id of it when the card has one: the card's phone text is typed
	 * by whoever made the card, and a member's number must not be claimed with it.
	 */
	private static ChatInput contact(JsonNode card) {
		JsonNode phone = card.path("phones").path(0);
		String waId = phone.path("wa_id").asText("");
		String number = waId.isEmpty() ? phone.path("phone").asText("") : waId;
		if (number.isEmpty()) {
			return new ChatInput.Unsupported();
		}
		return new ChatInput.SharedContact(number, nullIfEmpty(phone.path("wa_id").asText("")));
	}

	private static WhatsAppUpdate status(JsonNode status) {
		JsonNode error = status.path("errors").path(0);
		return new WhatsAppUpdate.Status(status.path("id").asText(""), status.path("status").asText(""),
				error.path("code").asInt(0), status.path("biz_opaque_callback_data").asText(""),
				status.path("recipient_id").asText(""), error.path("title").asText(""), sentAt(status));
	}

	private static WhatsAppUpdate preference(JsonNode preference) {
		return new WhatsAppUpdate.Preference(preference.path("wa_id").asText(preference.path("user_id").asText("")),
				preference.path("category").asText(""), preference.path("value").asText(""), sentAt(preference));
	}

	/**
	 * A messaging limit change: the level named by
	 * {@code max_daily_conversations_per_business} (or, in payloads from before 2026,
	 * {@code current_limit}); a quality change that names no level is nothing to do.
	 */
	private static WhatsAppUpdate limit(JsonNode change, JsonNode time) {
		String named = text(change, "max_daily_conversations_per_business", text(change, "current_limit", ""));
		Instant at = epochSeconds(time.asText(""));
		return WhatsAppProperties.MessagingLevel.named(named)
			.filter((level) -> at != null)
			.<WhatsAppUpdate>map((level) -> new WhatsAppUpdate.LimitChange(level, at))
			.orElseGet(() -> new WhatsAppUpdate.Ignored("a quality update of event " + change.path("event").asText("")
					+ " naming no messaging limit (" + named + ")"));
	}

	/**
	 * The message's {@code timestamp} (epoch seconds, a string), if it has a sane one.
	 */
	private static @Nullable Instant sentAt(JsonNode message) {
		return epochSeconds(message.path("timestamp").asText(""));
	}

	private static @Nullable Instant epochSeconds(String seconds) {
		if (!seconds.matches("[0-9]{1,12}")) {
			return null;
		}
		return Instant.ofEpochSecond(Long.parseLong(seconds));
	}

	private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
		String value = node.path(field).asText("");
		return value.isBlank() ? fallback : value;
	}

	private static @Nullable String nullIfEmpty(String value) {
		return value.isEmpty() ? null : value;
	}

}
