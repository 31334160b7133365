package dev.punchcard.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.app.fuzz.FuzzRequest.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.springframework.http.HttpMethod;

import static dev.punchcard.app.fuzz.FuzzJson.NODES;
import static dev.punchcard.app.fuzz.FuzzJson.weighted;

/**
 * WhatsApp webhook bodies as Meta sends them (text and command words, reply-button and
 * list replies, template buttons, photos, shared contacts, stickers, reactions,
 * unsupported types, statuses, preference changes, batches of several), with odd names,
 * texts and ids, then mutated; most are signed over their exact bytes with the app
 * secret, some not, wrongly, or with another secret. Message ids are fresh most of the
 * time, so most messages are handled, not deduplicated.
 */
public final class WhatsAppBodies implements WebhookBodies {

	private static final long FIRST_USER = 4_917_000_000_000L;

	private final String appSecret;

	private final String phoneNumberId;

	private final AtomicLong wamids = new AtomicLong();

	public WhatsAppBodies(String appSecret, String phoneNumberId) {
		this.appSecret = appSecret;
		this.phoneNumberId = phoneNumberId;
	}

	@Override
	public String name() {
		return "whatsapp";
	}

	@Override
	public Set<Integer> statuses() {
		return Set.of(200, 400, 401, 413);
	}

	@Override
	public String storedCountSql() {
		return "SELECT count(*) FROM inbound_updates WHERE channel = 'WHATSAPP'";
	}

	@Override
	public Arbitrary<FuzzRequest> requests() {
		Arbitrary<byte[]> wellFormed = Combinators.combine(bodies(), Arbitraries.of(true, false)).as(FuzzJson::bytes);
		Arbitrary<byte[]> mutated = bodies().flatMap((body) -> FuzzJson.mutated(body, plausible()));
		Arbitrary<byte[]> body = Arbitraries.frequencyOf(weighted(3, wellFormed), weighted(2, mutated));
		Arbitrary<String> signing = Arbitraries.frequencyOf(weighted(20, Arbitraries.just("right")),
				weighted(1, Arbitraries.of("none", "wrong", "other-secret", "sha1", "upper", "garbage")));
		return Combinators.combine(body, signing)
			.as((b, s) -> new FuzzRequest(HttpMethod.POST, "/webhooks/whatsapp", Caller.NOBODY, "application/json", b,
					signature(b, s), "X-Hub-Signature-256"));
	}

	private String signature(byte[] body, String how) {
		return switch (how) {
			case "none" -> null;
			case "wrong" -> "sha256=" + "0".repeat(64);
			case "other-secret" -> "sha256=" + hmac("not-" + this.appSecret, body);
			case "sha1" -> "sha1=" + hmac(this.appSecret, body).substring(0, 40);
			case "upper" -> "sha256=" + hmac(this.appSecret, body).toUpperCase();
			case "garbage" -> "sha256=zz";
			default -> "sha256=" + hmac(this.appSecret, body);
		};
	}

	private static String hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Arbitrary<ObjectNode> bodies() {
		return items().list().ofMinSize(1).ofMaxSize(5).map(this::envelope);
	}

	/**
	 * One item of a batch: a message with its sender's contact, a status, a preference.
	 */
	private Arbitrary<ObjectNode> items() {
		Arbitrary<Long> user = Arbitraries.longs().between(FIRST_USER, FIRST_USER + 300);
		Arbitrary<String> kind = Arbitraries.of("text", "text", "text", "text", "text", "button_reply", "list_reply",
				"template_button", "image", "contacts", "sticker", "reaction", "unsupported", "location", "status",
				"status", "preference");
		return Combinators.combine(kind, user, FuzzJson.texts(), words(), FuzzJson.texts()).as(this::item);
	}

	private static Arbitrary<String> words() {
		return Arbitraries.of("hi", "start", "menu", "points", "баллы", "card", "КАРТА", "purchases", "rewards", "help",
				"?", "cancel", "отмена", "scan", "language", "JOIN S-1", "REF ABCDEF", "STAFF abc", "1", "2", "7", "99",
				"12.50", "R-1", "/start", "/help", "/dance", "\u0000", "", " ", "join", "JOIN " + "x".repeat(80));
	}

	private ObjectNode item(String kind, long user, String name, String word, String other) {
		ObjectNode item = NODES.objectNode();
		String waId = Long.toString(user);
		String wamid = "wamid.HBgL" + (user % 7 == 0 ? other : Long.toString(this.wamids.incrementAndGet()));
		ObjectNode contact = NODES.objectNode().put("wa_id", waId);
		contact.set("profile", NODES.objectNode().put("name", name));
		if (user % 5 == 0) {
			contact.put("user_id", "US." + user).put("parent_user_id", "US.ENT." + other);
		}
		ObjectNode message = NODES.objectNode()
			.put("from", (user % 11 == 0) ? other : waId)
			.put("id", wamid)
			.put("timestamp", "1764590000");
		switch (kind) {
			case "text" -> message.put("type", "text").set("text", NODES.objectNode().put("body", word));
			case "button_reply", "list_reply" -> {
				String id = List.of("m:profile", "m:card", "m:rewards", "rw:r:" + other, "sc:y", "sc:n", "pu:1", other)
					.get((int) (user % 8));
				ObjectNode reply = NODES.objectNode().put("id", id).put("title", name);
				message.put("type", "interactive")
					.set("interactive", NODES.objectNode().put("type", kind).set(kind, reply));
			}
			case "template_button" -> message.put("type", "button")
				.set("button", NODES.objectNode().put("payload", (user % 2 == 0) ? "m:card" : other).put("text", word));
			case "image" -> message.put("type", "image")
				.set("image",
						NODES.objectNode()
							.put("mime_type", "image/jpeg")
							.put("sha256", other)
							.put("id", "media-" + (user % 13)));
			case "contacts" -> {
				ArrayNode phones = NODES.arrayNode();
				phones.addObject()
					.put("phone", (user % 2 == 0) ? "+" + waId : other)
					.put("wa_id", waId)
					.put("type", "CELL");
				ObjectNode card = NODES.objectNode();
				card.set("name", NODES.objectNode().put("formatted_name", name));
				card.set("phones", phones);
				message.put("type", "contacts").putArray("contacts").add(card);
			}
			case "sticker" -> message.put("type", "sticker")
				.set("sticker", NODES.objectNode().put("id", other).put("mime_type", "image/webp"));
			case "reaction" -> message.put("type", "reaction")
				.set("reaction", NODES.objectNode().put("message_id", other).put("emoji", word));
			case "location" -> message.put("type", "location")
				.set("location", NODES.objectNode().put("latitude", 52.5).put("longitude", 13.4).put("name", name));
			case "status" -> {
				ObjectNode status = NODES.objectNode()
					.put("id", wamid)
					.put("status", List.of("sent", "delivered", "read", "failed", other).get((int) (user % 5)))
					.put("timestamp", "1764590100")
					.put("recipient_id", waId);
				if (user % 5 == 3) {
					status.putArray("errors").addObject().put("code", 131047).put("title", other);
				}
				item.set("status", status);
				return item;
			}
			case "preference" -> {
				item.set("preference",
						NODES.objectNode()
							.put("wa_id", waId)
							.put("category", "marketing_messages")
							.put("value", (user % 2 == 0) ? "stop" : other)
							.put("timestamp", 1731705721));
				item.set("contact", contact);
				return item;
			}
			default -> message.put("type", "unsupported")
				.putArray("errors")
				.addObject()
				.put("code", 131051)
				.put("title", "Message type unknown");
		}
		item.set("contact", contact);
		item.set("message", message);
		return item;
	}

	/** The items in one webhook POST, grouped into changes as Meta groups them. */
	private ObjectNode envelope(List<ObjectNode> items) {
		ArrayNode contacts = NODES.arrayNode();
		ArrayNode messages = NODES.arrayNode();
		ArrayNode statuses = NODES.arrayNode();
		ArrayNode preferences = NODES.arrayNode();
		for (ObjectNode item : items) {
			if (item.has("message")) {
				contacts.add(item.get("contact"));
				messages.add(item.get("message"));
			}
			else if (item.has("status")) {
				statuses.add(item.get("status"));
			}
			else {
				preferences.add(item.get("preference"));
			}
		}
		ArrayNode changes = NODES.arrayNode();
		ObjectNode metadata = NODES.objectNode()
			.put("display_phone_number", "15550783881")
			.put("phone_number_id", this.phoneNumberId);
		ObjectNode value = NODES.objectNode().put("messaging_product", "whatsapp");
		value.set("metadata", metadata);
		value.set("contacts", contacts);
		value.set("messages", messages);
		value.set("statuses", statuses);
		changes.addObject().put("field", "messages").set("value", value);
		if (!preferences.isEmpty()) {
			ObjectNode prefs = NODES.objectNode().put("messaging_product", "whatsapp");
			prefs.set("metadata", metadata);
			prefs.set("user_preferences", preferences);
			changes.addObject().put("field", "user_preferences").set("value", prefs);
		}
		ObjectNode body = NODES.objectNode().put("object", "whatsapp_business_account");
		body.putArray("entry").addObject().put("id", "102290129340398").set("changes", changes);
		return body;
	}

	private static Map<String, Arbitrary<JsonNode>> plausible() {
		return Map.of("entry", FuzzJson.values(), "changes", FuzzJson.values(), "messages", FuzzJson.values(),
				"statuses", FuzzJson.values(), "id", FuzzJson.values(), "from", FuzzJson.values(), "text",
				FuzzJson.values(), "type", FuzzJson.values());
	}

}
