package dev.punchcard.app.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.app.fuzz.FuzzRequest.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.springframework.http.HttpMethod;

import static dev.punchcard.app.fuzz.FuzzJson.NODES;
import static dev.punchcard.app.fuzz.FuzzJson.weighted;

/**
 * Telegram updates as Bot API sends them (text, commands with deep links, button presses,
 * shared contacts, photos, block/unblock, edits, channel posts), with odd names, texts,
 * ids and languages, then mutated like API bodies. Update ids are fresh most of the time,
 * so most updates are handled, not deduplicated.
 */
public final class TelegramBodies implements WebhookBodies {

	/** A pool of users, so flows (a cashier's /scan) get several steps. */
	private static final long FIRST_USER = 5_000_000L;

	private final String secret;

	private final AtomicLong updateIds = new AtomicLong(700_000_000L);

	public TelegramBodies(String secret) {
		this.secret = secret;
	}

	@Override
	public String name() {
		return "telegram";
	}

	@Override
	public Set<Integer> statuses() {
		return Set.of(200, 400, 401, 413);
	}

	@Override
	public String storedCountSql() {
		return "SELECT count(*) FROM inbound_updates WHERE channel = 'TELEGRAM'";
	}

	@Override
	public Arbitrary<FuzzRequest> requests() {
		// most updates are well formed with odd contents (names, texts, ids), so that
		// they are
		// handled, not only refused
		Arbitrary<byte[]> wellFormed = Combinators.combine(updates(), Arbitraries.of(true, false)).as(FuzzJson::bytes);
		Arbitrary<byte[]> mutated = updates().flatMap((update) -> FuzzJson.mutated(update, plausible()));
		Arbitrary<byte[]> body = Arbitraries.frequencyOf(weighted(3, wellFormed), weighted(2, mutated));
		Arbitrary<String> secretHeader = Arbitraries.frequencyOf(weighted(20, Arbitraries.just(this.secret)),
				weighted(1, Arbitraries.of("", "wrong", this.secret + " ", this.secret.toUpperCase())),
				weighted(1, Arbitraries.just((String) null)));
		Arbitrary<String> contentType = Arbitraries.frequencyOf(weighted(20, Arbitraries.just("application/json")),
				weighted(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded")));
		return Combinators.combine(body, secretHeader, contentType)
			.as((b, s, type) -> new FuzzRequest(HttpMethod.POST, "/webhooks/telegram", Caller.NOBODY, type, b, s,
					"X-Telegram-Bot-Api-Secret-Token"));
	}

	private Arbitrary<ObjectNode> updates() {
		Arbitrary<Long> user = Arbitraries.longs().between(FIRST_USER, FIRST_USER + 300);
		Arbitrary<String> name = FuzzJson.texts();
		Arbitrary<String> text = Arbitraries.frequencyOf(weighted(4, commands()), weighted(1, FuzzJson.texts()));
		Arbitrary<String> kind = Arbitraries.of("text", "text", "text", "text", "text", "text", "text", "edited",
				"callback", "contact", "photo", "member", "channel", "unknown");
		return Combinators.combine(kind, user, name, text, FuzzJson.texts())
			.as((k, u, n, t, other) -> update(k, u, n, t, other));
	}

	private static Arbitrary<String> commands() {
		return Arbitraries.of("/start", "/start", "/start", "/start", "/start", "/start s-S-1", "/start r-ABCDEF",
				"/start staff-abc", "/start s-\u0000", "/start " + "x".repeat(65), "/start\u0000", "/profile", "/card",
				"/purchases", "/rewards", "/scan", "/lang", "/help", "/cancel", "/dance", "/start@punchcard_bot",
				"/start@other_bot", "12.50", "-1", "99999999999999999999", "1e9", "R-1", "R 1", "\u0000", "/", "//",
				"/start s-");
	}

	private ObjectNode update(String kind, long user, String name, String text, String other) {
		ObjectNode update = NODES.objectNode().put("update_id", this.updateIds.incrementAndGet());
		ObjectNode from = NODES.objectNode()
			.put("id", user)
			.put("is_bot", false)
			.put("first_name", name)
			.put("last_name", other)
			.put("username", "u" + user)
			.put("language_code", (user % 3 == 0) ? "ru" : (user % 3 == 1) ? "en" : other);
		ObjectNode chat = NODES.objectNode().put("id", user).put("first_name", name).put("type", "private");
		ObjectNode message = NODES.objectNode().put("message_id", user % 1000).put("date", 1_700_000_000L);
		message.set("from", from);
		message.set("chat", chat);
		switch (kind) {
			case "text", "edited" -> {
				message.put("text", text);
				if (text.startsWith("/")) {
					message.putArray("entities")
						.addObject()
						.put("offset", 0)
						.put("length", Math.max(1, text.split(" ")[0].length()))
						.put("type", "bot_command");
				}
				update.set(kind.equals("edited") ? "edited_message" : "message", message);
			}
			case "callback" -> {
				ObjectNode query = NODES.objectNode().put("id", Long.toString(user * 7)).put("chat_instance", "1");
				query.set("from", from);
				query.set("message", message.put("text", "menu"));
				query.put("data",
						List.of("menu:profile", "rd:" + other, "sc:y", "sc:n", "pg:2", other).get((int) (user % 6)));
				update.set("callback_query", query);
			}
			case "contact" -> {
				message.set("contact",
						NODES.objectNode()
							.put("phone_number", (user % 2 == 0) ? "+4915112345678" : other)
							.put("first_name", name)
							.put("user_id", (user % 4 == 0) ? user + 1 : user));
				update.set("message", message);
			}
			case "photo" -> {
				message.putArray("photo")
					.addObject()
					.put("file_id", other)
					.put("file_unique_id", "u")
					.put("width", 90)
					.put("height", 90)
					.put("file_size", user);
				update.set("message", message);
			}
			case "member" -> {
				ObjectNode change = NODES.objectNode().put("date", 1_700_000_000L);
				change.set("chat", chat);
				change.set("from", from);
				change.set("old_chat_member", NODES.objectNode().put("status", "member").set("user", from));
				change.set("new_chat_member",
						NODES.objectNode().put("status", (user % 2 == 0) ? "kicked" : other).set("user", from));
				update.set("my_chat_member", change);
			}
			case "channel" -> update.set("channel_post", message.put("text", text));
			default -> update.set("poll", NODES.objectNode().put("id", other));
		}
		return update;
	}

	private Map<String, Arbitrary<JsonNode>> plausible() {
		Arbitrary<JsonNode> ids = Arbitraries.frequencyOf(weighted(3, FuzzJson.numbers()),
				weighted(1, Arbitraries.of(NODES.textNode("1"), NODES.nullNode())));
		return Map.of("update_id", ids, "message", FuzzJson.values(), "callback_query", FuzzJson.values());
	}

}
