package dev.punchcard.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.app.fuzz.FuzzRequest.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

import static dev.punchcard.app.fuzz.FuzzJson.NODES;
import static dev.punchcard.app.fuzz.FuzzJson.weighted;

/**
 * Requests for every endpoint of the staff API (README's table), each built from a valid
 * request and then mutated: its path variables, query string, body, content type, method
 * and caller. A new endpoint is one more line in {@link #endpoints}.
 */
public final class ApiRequests {

	private final World world;

	public ApiRequests(World world) {
		this.world = world;
	}

	/** Every endpoint, mutated. */
	public Arbitrary<FuzzRequest> requests() {
		return Arbitraries.of(endpoints()).flatMap(this::mutated);
	}

	private List<Endpoint> endpoints() {
		World w = this.world;
		return List.of(
				new Endpoint(HttpMethod.POST, "/api/v1/auth/token", null,
						obj("username", NODES.textNode("fuzz-" + UUID.randomUUID()), "password",
								text("wrong-password"))),
				new Endpoint(HttpMethod.POST, "/api/v1/stores", null,
						obj("code", text("F-" + w.storeCode().substring(2)), "name", text("Fuzz store"))),
				new Endpoint(HttpMethod.GET, "/api/v1/stores", null, null),
				new Endpoint(HttpMethod.POST, "/api/v1/staff", null,
						obj("username", text("fuzz-staff"), "password", text("a-long-enough-password"), "role",
								text("CASHIER"), "storeCode", text(w.storeCode()))),
				new Endpoint(HttpMethod.GET, "/api/v1/staff", null, null),
				new Endpoint(HttpMethod.POST, "/api/v1/staff/{}/deactivate", w.staffId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/staff/{}/link-codes", w.staffId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/rewards", null, reward()),
				new Endpoint(HttpMethod.PUT, "/api/v1/rewards/{}", w.rewardId(), reward().put("active", true)),
				new Endpoint(HttpMethod.POST, "/api/v1/rewards/{}/deactivate", w.rewardId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/rewards?activeOnly=true", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/rewards/{}", w.rewardId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/ledger/check", null, null),
				new Endpoint(HttpMethod.POST, "/api/v1/customers/{}/adjustments", w.customerId(),
						obj("points", NODES.numberNode(5), "reason", text("Goodwill"), "adjustmentKey", text("adj-1"))),
				new Endpoint(HttpMethod.POST, "/api/v1/customers/{}/card/reissue", w.customerId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/customers", null,
						obj("name", text("Fuzz Customer"), "phone", text("+4915112345678"), "language", text("en"),
								"homeStoreCode", text(w.storeCode()))),
				new Endpoint(HttpMethod.GET, "/api/v1/cards/{}", w.cardCode(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/purchases", null, purchase()),
				new Endpoint(HttpMethod.POST, "/api/v1/purchases:batch", null,
						obj("purchases", NODES.arrayNode().add(purchase()))),
				new Endpoint(HttpMethod.POST, "/api/v1/imports/members", null, null),
				new Endpoint(HttpMethod.POST, "/api/v1/imports/purchases?historical=true", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/imports?page=0&size=20", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/imports/{}", UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/imports/{}/rejections?after=0&limit=50",
						UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/imports/{}/rejections?format=csv", UUID.randomUUID().toString(),
						null),
				new Endpoint(HttpMethod.POST, "/api/v1/purchases/{}/refunds", w.purchaseId(),
						obj("refundNo", text("F-1"), "amountMinor", NODES.numberNode(100))),
				new Endpoint(HttpMethod.POST, "/api/v1/customers/{}/redemptions", w.customerId(),
						obj("rewardId", text(w.rewardId()), "requestKey", text("req-1"))),
				new Endpoint(HttpMethod.POST, "/api/v1/vouchers/{}/honour", w.voucherCode(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/vouchers/{}/cancel", w.voucherCode(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/customers/{}", w.customerId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/customers/{}/ledger?page=0&size=20", w.customerId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/customers/{}/card.png?size=200", w.customerId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/segments/preview", null, obj("filter", segmentFilter())),
				new Endpoint(HttpMethod.POST, "/api/v1/segments", null,
						obj("name", text("Lapsed coffee lovers"), "filter", segmentFilter())),
				new Endpoint(HttpMethod.GET, "/api/v1/segments", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/segments/{}", UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.PUT, "/api/v1/segments/{}", UUID.randomUUID().toString(),
						obj("name", text("Renamed"), "filter", segmentFilter())),
				new Endpoint(HttpMethod.DELETE, "/api/v1/segments/{}", UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/segments/scores:recompute", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/templates?channel=TELEGRAM", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/templates/{}", UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/templates/whatsapp:sync", null, null),
				new Endpoint(HttpMethod.POST, "/api/v1/templates/telegram", null, telegramTemplate()),
				new Endpoint(HttpMethod.PUT, "/api/v1/templates/telegram/{}", UUID.randomUUID().toString(),
						telegramTemplate()),
				new Endpoint(HttpMethod.DELETE, "/api/v1/templates/telegram/{}", UUID.randomUUID().toString(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/templates/{}/preview", UUID.randomUUID().toString(),
						obj("customerId", text(w.customerId()), "bindings",
								obj("first_name", obj("field", text("first_name"))))),
				new Endpoint(HttpMethod.POST, "/api/v1/broadcasts", null, broadcast()),
				new Endpoint(HttpMethod.GET, "/api/v1/broadcasts?page=0&size=20", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/broadcasts/{}", w.broadcastId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/broadcasts/{}/start", w.broadcastId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/broadcasts/{}/pause", w.broadcastId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/broadcasts/{}/resume", w.broadcastId(), null),
				new Endpoint(HttpMethod.POST, "/api/v1/broadcasts/{}/cancel", w.broadcastId(), null),
				new Endpoint(HttpMethod.GET,
						"/api/v1/broadcasts/{}/recipients?state=FAILED&channel=TELEGRAM&after=0&limit=50",
						w.broadcastId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/broadcasts/{}/recipients?state=SKIPPED&format=csv",
						w.broadcastId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/leaderboard?week=2026-11-29", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/customers/{}/leaderboard", w.customerId(), null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/members?from=2026-11-01&to=2026-11-30&grain=week", null,
						null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/sales?from=2026-11-01&to=2026-11-30&zone=Europe/Berlin",
						null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/products?format=csv", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/points?grain=day", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/rewards", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/tiers", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/referrals", null, null),
				new Endpoint(HttpMethod.GET, "/api/v1/analytics/broadcasts?format=json", null, null),
				new Endpoint(HttpMethod.GET, "/actuator/health", null, null));
	}

	private ObjectNode segmentFilter() {
		ObjectNode filter = obj("tiers", NODES.arrayNode().add("GOLD"), "reachableOn", text("ANY"), "favouriteCategory",
				text("coffee"));
		filter.putObject("lastPurchase").put("moreThanDays", 30).put("lessThanDays", 90);
		filter.putObject("netSpend").put("withinDays", 365).put("minMinor", 1000);
		filter.putArray("rfmClasses").add("AT_RISK");
		return filter;
	}

	private ObjectNode broadcast() {
		ObjectNode telegram = obj("templateId", text(this.world.telegramTemplateId()), "bindings",
				obj("first_name", obj("field", text("first_name"))));
		return obj("name", text("Coffee week"), "segmentId", text(this.world.segmentId()), "channelPolicy",
				text("TELEGRAM_ONLY"), "telegram", telegram, "scheduledAt", text("2099-12-24T09:00"), "timeZone",
				text("Europe/Berlin"), "quietHours", obj("from", text("21:00"), "until", text("08:00")));
	}

	private ObjectNode telegramTemplate() {
		return obj("name", text("Coffee week"), "texts",
				obj("en", text("Hi {{first_name}}, *coffee* week!"), "ru", text("Привет, {{first_name}}!")));
	}

	private ObjectNode reward() {
		return obj("name", text("Free coffee"), "description", text("One cup\nany size"), "costPoints",
				NODES.numberNode(10), "stock", NODES.numberNode(5));
	}

	private ObjectNode purchase() {
		ObjectNode body = obj("cardCode", text(this.world.cardCode()), "storeCode", text(this.world.storeCode()),
				"receiptNo", text("R-" + UUID.randomUUID()), "amountMinor", NODES.numberNode(1234), "currency",
				text("EUR"));
		body.putArray("items")
			.addObject()
			.put("sku", "SKU-1")
			.put("name", "Beans")
			.put("category", "coffee")
			.put("quantity", 2)
			.put("unitPriceMinor", 617);
		return body;
	}

	private Arbitrary<FuzzRequest> mutated(Endpoint endpoint) {
		Arbitrary<String> target = targets(endpoint);
		Arbitrary<HttpMethod> method = Arbitraries.frequencyOf(weighted(12, Arbitraries.just(endpoint.method())),
				weighted(1, Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
						HttpMethod.PATCH, HttpMethod.HEAD, HttpMethod.OPTIONS)));
		Arbitrary<Caller> caller = Arbitraries.frequencyOf(weighted(14, Arbitraries.just(Caller.ADMIN)),
				weighted(3, Arbitraries.just(Caller.CASHIER)), weighted(1, Arbitraries.just(Caller.OTHER_CASHIER)),
				weighted(1, Arbitraries.just(Caller.MARKETER)), weighted(1, Arbitraries.just(Caller.NOBODY)),
				weighted(1, Arbitraries.of(Caller.FORGED_TOKEN, Caller.GARBAGE_HEADER)));
		Arbitrary<@Nullable String> contentType = Arbitraries
			.frequencyOf(weighted(16, Arbitraries.just("application/json")),
					weighted(1, Arbitraries.of("text/plain", "application/xml", "application/json;charset=ISO-8859-1",
							"application/problem+json", "multipart/form-data", "application/x-www-form-urlencoded",
							"*/*", "application/json;charset=UTF-16", "a/b")),
					weighted(1, Arbitraries.just((String) null)));
		Arbitrary<byte @Nullable []> body = (endpoint.body() == null)
				? Arbitraries.frequencyOf(weighted(6, Arbitraries.just((byte[]) null)),
						weighted(1, FuzzJson.values().map((value) -> FuzzJson.bytes(value, false))))
				: FuzzJson.mutated(endpoint.body(), plausible());
		return Combinators.combine(method, target, caller, contentType, body)
			.as((m, t, c, type, b) -> new FuzzRequest(m, t, c, type, b));
	}

	/**
	 * Values that fit a field's name, so mutations get past the first check now and then.
	 */
	private Map<String, Arbitrary<JsonNode>> plausible() {
		Arbitrary<JsonNode> texts = FuzzJson.texts().map(NODES::textNode);
		Arbitrary<JsonNode> numbers = FuzzJson.numbers();
		return Map.ofEntries(Map.entry("name", texts), Map.entry("description", texts), Map.entry("reason", texts),
				Map.entry("username", texts), Map.entry("password", texts), Map.entry("phone", texts),
				Map.entry("language", Arbitraries.of("en", "ru", "de-DE", "EN", "e\u0000").map(NODES::textNode)),
				Map.entry("role",
						Arbitraries.of("ADMIN", "MARKETER", "CASHIER", "admin", "ROOT", "").map(NODES::textNode)),
				Map.entry("storeCode",
						Arbitraries.of(this.world.storeCode(), this.world.otherStoreCode(), "NOPE", " ", "S\u0000")
							.map(NODES::textNode)),
				Map.entry("homeStoreCode", texts), Map.entry("code", texts), Map.entry("cardCode", texts),
				Map.entry("receiptNo", texts), Map.entry("refundNo", texts), Map.entry("adjustmentKey", texts),
				Map.entry("requestKey", texts),
				Map.entry("currency", Arbitraries.of("EUR", "USD", "eur", "XXX", "EURO", "").map(NODES::textNode)),
				Map.entry("rewardId",
						Arbitraries.of(this.world.rewardId(), UUID.randomUUID().toString(), " ", "1-2-3-4-5")
							.map(NODES::textNode)),
				Map.entry("amountMinor", numbers), Map.entry("costPoints", numbers), Map.entry("stock", numbers),
				Map.entry("points", numbers), Map.entry("quantity", numbers), Map.entry("unitPriceMinor", numbers),
				Map.entry("active", FuzzJson.values()), Map.entry("items", Arbitraries.of(NODES.arrayNode(),
						NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(1), NODES.textNode("items"))));
	}

	private Arbitrary<String> targets(Endpoint endpoint) {
		Arbitrary<String> variable = (endpoint.variable() == null) ? Arbitraries.just("") : Arbitraries.frequencyOf(
				weighted(5, Arbitraries.just(endpoint.variable())), weighted(4, pathValues(endpoint.variable())));
		Arbitrary<String> query = queries(endpoint.template());
		Arbitrary<Function<String, String>> shape = Arbitraries
			.frequencyOf(weighted(12, Arbitraries.just(Function.identity())),
					weighted(1, Arbitraries.of((p) -> p + "/", (p) -> p.replace("/api/v1/", "/api/v1//"),
							(p) -> p + "/extra", (p) -> p.replace("/api/v1/", "/api/v2/"), (p) -> p + ";a=b",
							(p) -> p.toUpperCase(), (p) -> "/api/v1/" + encode("😀"), (p) -> "/api/v1", (p) -> "/",
							(p) -> "/api/v1/customers/x/y/z", (p) -> p + "/%2e%2e/stores", (p) -> p + "%2F")));
		String path = endpoint.template().split("\\?")[0];
		return Combinators.combine(variable, query, shape)
			.as((value, q, s) -> s.apply(path.replace("{}", encode(value))) + q);
	}

	private static Arbitrary<String> pathValues(String valid) {
		Arbitrary<String> odd = Arbitraries.of("", " ", "  ", "\t", "\u0000", "null", "0", "-1", "1-2-3-4-5",
				"00000000-0000-0000-0000-000000000000", valid.toUpperCase(), valid.toLowerCase(), " " + valid,
				valid + " ", valid + "x", valid.substring(1), valid.replace("-", ""), "{" + valid + "}", "..", ".",
				"x".repeat(5000), "%", "/", "?", "#", "\u200b", UUID.randomUUID().toString());
		return Arbitraries.frequencyOf(weighted(3, odd), weighted(2, FuzzJson.texts()));
	}

	private static Arbitrary<String> queries(String template) {
		String[] split = template.split("\\?", 2);
		String valid = (split.length == 2) ? "?" + split[1] : "";
		Arbitrary<String> number = FuzzJson.numbers().map((literal) -> encode(FuzzJson.rawText(literal)));
		Arbitrary<String> value = Arbitraries.frequencyOf(weighted(3, number),
				weighted(2, FuzzJson.texts().map(ApiRequests::encode)),
				weighted(1, Arbitraries.of("true", "false", "TRUE", "yes", "", "1")));
		Arbitrary<String> name = Arbitraries.of("page", "size", "activeOnly", "sort", "x", "", "page[]", "%00");
		Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> n + "=" + v);
		Arbitrary<String> generated = pair.list()
			.ofMinSize(1)
			.ofMaxSize(3)
			.map((pairs) -> "?" + String.join("&", pairs));
		return Arbitraries.frequencyOf(weighted(5, Arbitraries.just(valid)), weighted(3, generated),
				weighted(1, Arbitraries.of("?", "?&&", "?==", "?page", "?page=1&page=2", "?size=-1&size=1000")));
	}

	/** Percent-encodes every byte of the UTF-8 form but the unreserved characters. */
	static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	private static JsonNode text(String value) {
		return NODES.textNode(value);
	}

	private static ObjectNode obj(Object... pairs) {
		ObjectNode node = NODES.objectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			node.set((String) pairs[i], (JsonNode) pairs[i + 1]);
		}
		return node;
	}

	/**
	 * One endpoint: method, path with {@code {}} for its variable, the valid value of
	 * that variable, and a valid body (or none).
	 */
	record Endpoint(HttpMethod method, String template, @Nullable String variable, @Nullable ObjectNode body) {
	}

}
