package dev.punchcard.app.points;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.punchcard.app.api.ApiIT;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.points.application.CheckLedger;
import dev.punchcard.core.points.application.ExpireMemberPoints;
import dev.punchcard.core.points.application.ExpirePoints;
import dev.punchcard.core.points.application.ExpiryRun;
import dev.punchcard.core.points.application.WarnOfExpiry;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.RedemptionOutcome;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.RewardId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Points expiry end to end on PostgreSQL, with points lasting twelve months: purchases
 * stamp their lots, the expiry run writes EXPIRE entries once (repeated, concurrent,
 * racing redemptions), the ledger check passes, warnings and expiry notices reach the
 * member's Telegram chat (WireMock as the Bot API), and {@code /profile} and the API show
 * the next expiry. Time passing is played by moving lots' {@code expires_at}; the run
 * itself runs at the real clock's now. The schedule is off: the tests run the use cases.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.points.expiry.after=12m", "punchcard.points.expiry.warn-before=30d",
		"punchcard.telegram.token=123456:TEST-token_abc", "punchcard.telegram.mode=webhook",
		"punchcard.telegram.webhook-secret=" + PointsExpiryIT.SECRET, "punchcard.telegram.bot-username=punchcard_bot",
		"punchcard.notifications.poll-every=100ms" })
// its outbox poller must not outlive the class: cached contexts share the test database
@DirtiesContext
class PointsExpiryIT extends ApiIT {

	static final String SECRET = "s3cret-Token_for-expiry";

	static final String BOT = "/bot123456:TEST-token_abc";

	static final WireMockServer TELEGRAM = new WireMockServer(options().dynamicPort());

	static final AtomicLong UPDATE_IDS = new AtomicLong(700_000_000);

	@Autowired
	ObjectMapper json;

	@Autowired
	ExpirePoints expirePoints;

	@Autowired
	ExpireMemberPoints expireMember;

	@Autowired
	WarnOfExpiry warnOfExpiry;

	@Autowired
	CheckLedger checkLedger;

	@Autowired
	RedeemReward redeemReward;

	@Autowired
	CodeSigner codes;

	private String store;

	private String cashier;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		if (!TELEGRAM.isRunning()) {
			TELEGRAM.start();
		}
		registry.add("punchcard.telegram.api-url", () -> "http://localhost:" + TELEGRAM.port());
	}

	@AfterAll
	static void stopTelegram() {
		TELEGRAM.stop();
	}

	@BeforeEach
	void aHealthyBotApiAndAStore() {
		TELEGRAM.resetAll();
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)send(message|photo)")).willReturn(okJson(
				"{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
	}

	@Test
	void should_stamp_the_points_of_a_purchase_with_the_policy_in_force_when_it_is_recorded() {
		JsonNode member = this.till.enrol(this.cashier, "Ada");

		this.till.purchase(this.cashier, member.get("cardCode").asText(), this.store, "R-1", 12_00, HttpStatus.CREATED);

		java.time.Instant recorded = this.db.sql("SELECT occurred_at FROM points_ledger_entries")
			.map((row) -> row.get(0, java.time.OffsetDateTime.class).toInstant())
			.one()
			.block();
		assertThat(scalarInstant("SELECT expires_at FROM points_ledger_entries WHERE kind = 'EARN'"))
			.isEqualTo(new ExpiryPolicy(java.time.Period.ofMonths(12)).expiresAt(Points.of(12), recorded));
	}

	@Test
	void should_write_the_due_points_as_expire_entries_once_when_the_run_is_repeated() throws IOException {
		long user = 9101;
		webhook(text(user, "/start"));
		awaitMessage(user, "What would you like to do?");
		CustomerId member = customerOf(user);
		this.till.purchase(this.cashier, cardOf(member), this.store, "R-1", 10_00, HttpStatus.CREATED);
		this.till.purchase(this.cashier, cardOf(member), this.store, "R-2", 7_00, HttpStatus.CREATED);
		backdate(member, 10, Duration.ofDays(-2));
		adjust(member, -4);

		ExpiryRun first = this.expirePoints.run().block();
		ExpiryRun second = this.expirePoints.run().block();

		assertThat(first.members()).isEqualTo(1);
		assertThat(first.points()).isEqualTo(6);
		assertThat(second.points()).isZero();
		assertThat(scalar("SELECT -SUM(delta) FROM points_ledger_entries WHERE kind = 'EXPIRE'")).isEqualTo(6);
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries WHERE kind = 'EXPIRE'")).isEqualTo(1);
		assertThat(balanceOf(member)).isEqualTo(7);
		assertThat(ledgerMismatches()).isZero();
		assertThat(this.checkLedger.check().block().consistent()).isTrue();
		awaitMessage(user, "6 points expired. Balance: <b>7</b> points.");
	}

	@Test
	void should_expire_each_due_lot_once_when_two_runs_race() {
		List<CustomerId> members = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			CustomerId member = new CustomerId(
					UUID.fromString(this.till.enrol(this.cashier, "Member " + i).get("customerId").asText()));
			this.till.purchase(this.cashier, cardOf(member), this.store, "R-" + i, 10_00, HttpStatus.CREATED);
			backdate(member, 10, Duration.ofDays(-1));
			members.add(member);
		}

		List<ExpiryRun> runs = Flux
			.merge(this.expirePoints.run().subscribeOn(Schedulers.boundedElastic()),
					this.expirePoints.run().subscribeOn(Schedulers.boundedElastic()))
			.collectList()
			.block();

		assertThat(runs).hasSize(2);
		assertThat(runs.stream().mapToLong(ExpiryRun::points).sum()).isEqualTo(120);
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries WHERE kind = 'EXPIRE'")).isEqualTo(12);
		assertThat(scalar("SELECT count(*) FROM notification_outbox WHERE kind = 'PointsExpired'")).isEqualTo(12);
		members.forEach((member) -> assertThat(balanceOf(member)).isZero());
		assertThat(ledgerMismatches()).isZero();
		assertThat(this.checkLedger.check().block().consistent()).isTrue();
	}

	@Test
	void should_never_overdraw_nor_expire_spent_points_when_a_redemption_races_the_expiry() {
		RewardId reward = new RewardId(UUID.fromString(this.till.reward("Coffee", 15, null).get("id").asText()));
		List<CustomerId> members = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			CustomerId member = new CustomerId(
					UUID.fromString(this.till.enrol(this.cashier, "Racer " + i).get("customerId").asText()));
			this.till.purchase(this.cashier, cardOf(member), this.store, "A-" + i, 10_00, HttpStatus.CREATED);
			this.till.purchase(this.cashier, cardOf(member), this.store, "B-" + i, 10_00, HttpStatus.CREATED);
			backdate(member, 10, Duration.ofDays(-1));
			members.add(member);
		}
		java.time.Instant now = java.time.Instant.now();

		Flux.fromIterable(members)
			.flatMap((member) -> Mono.zip(
					this.expireMember.expire(member, now)
						.map(Points::value)
						.defaultIfEmpty(0L)
						.subscribeOn(Schedulers.boundedElastic()),
					this.redeemReward.redeem(member, reward, null).subscribeOn(Schedulers.boundedElastic())))
			.collectList()
			.block()
			.forEach((raced) -> {
				boolean redeemed = raced.getT2() instanceof RedemptionOutcome.Redeemed;
				// redeemed first: 15 from the oldest lots, nothing of the due lot left;
				// expired first: 10 gone, 10 left, too few for the reward
				assertThat(raced.getT1()).isEqualTo(redeemed ? 0L : 10L);
				assertThat(redeemed || raced.getT2() instanceof RedemptionOutcome.NotEnoughPoints).isTrue();
			});

		members.forEach((member) -> assertThat(balanceOf(member)).isIn(5L, 10L));
		assertThat(ledgerMismatches()).isZero();
		assertThat(this.checkLedger.check().block().consistent()).isTrue();
		assertThat(this.expirePoints.run().block().points()).as("nothing left due").isZero();
	}

	@Test
	void should_warn_the_member_once_in_chat_when_points_expire_within_the_warning_time() throws IOException {
		long user = 9102;
		webhook(text(user, "/start"));
		awaitMessage(user, "What would you like to do?");
		CustomerId member = customerOf(user);
		this.till.purchase(this.cashier, cardOf(member), this.store, "R-1", 9_00, HttpStatus.CREATED);
		LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(9);
		this.db.sql("UPDATE points_ledger_entries SET expires_at = :at WHERE customer_id = :c AND delta > 0")
			.bind("at", lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.bind("c", member.value())
			.then()
			.block();

		long queued = this.warnOfExpiry.warn().block();
		long again = this.warnOfExpiry.warn().block();

		assertThat(queued).isEqualTo(1);
		assertThat(again).isZero();
		awaitMessage(user, "<b>9</b> of your points expire after " + lastDay + ": spend them by then.");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> sent(user).stream().filter((r) -> textOf(r).contains("expire after")).count() == 1);
	}

	@Test
	void should_show_the_next_expiry_in_the_profile_and_the_api_when_points_expire() throws IOException {
		long user = 9103;
		webhook(text(user, "/start"));
		awaitMessage(user, "What would you like to do?");
		CustomerId member = customerOf(user);
		this.till.purchase(this.cashier, cardOf(member), this.store, "R-1", 11_00, HttpStatus.CREATED);
		LocalDate lastDay = LocalDate
			.ofInstant(scalarInstant("SELECT expires_at FROM points_ledger_entries").minusNanos(1), ZoneOffset.UTC);

		webhook(text(user, "/profile"));

		awaitMessage(user, "<b>11</b> points expire after " + lastDay + ".");
		JsonNode profile = this.till.get(this.cashier, "/api/v1/customers/" + member, HttpStatus.OK);
		assertThat(profile.at("/nextExpiry/points").asLong()).isEqualTo(11);
		assertThat(profile.at("/nextExpiry/lastDay").asText()).isEqualTo(lastDay.toString());
	}

	@Test
	void should_show_no_expiry_when_none_of_the_points_expire() throws IOException {
		long user = 9104;
		webhook(text(user, "/start"));
		awaitMessage(user, "What would you like to do?");
		CustomerId member = customerOf(user);

		webhook(text(user, "/profile"));

		awaitMessage(user, "Invite friends");
		assertThat(sent(user)).noneMatch((request) -> textOf(request).contains("expire"));
		JsonNode profile = this.till.get(this.cashier, "/api/v1/customers/" + member, HttpStatus.OK);
		assertThat(profile.path("nextExpiry").isNull() || profile.path("nextExpiry").isMissingNode()).isTrue();
	}

	/**
	 * Moves the expiry of the customer's lot of {@code points} by {@code by} from now.
	 */
	private void backdate(CustomerId member, long points, Duration by) {
		this.db.sql("""
				UPDATE points_ledger_entries SET expires_at = now() + make_interval(secs => :secs)
				WHERE id = (SELECT id FROM points_ledger_entries WHERE customer_id = :c AND delta = :points
				            ORDER BY occurred_at LIMIT 1)
				""")
			.bind("secs", (double) by.toSeconds())
			.bind("c", member.value())
			.bind("points", points)
			.then()
			.block();
	}

	private void adjust(CustomerId member, long points) {
		this.till.post(this.till.adminToken(), "/api/v1/customers/" + member + "/adjustments",
				java.util.Map.of("points", points, "reason", "test", "adjustmentKey", "adj-" + UUID.randomUUID()),
				HttpStatus.CREATED);
	}

	private long balanceOf(CustomerId member) {
		return this.db.sql("SELECT balance FROM points_balances WHERE customer_id = :c")
			.bind("c", member.value())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private CustomerId customerOf(long telegramUser) {
		return new CustomerId(this.db.sql("SELECT customer_id FROM channel_identities WHERE external_id = :user")
			.bind("user", Long.toString(telegramUser))
			.map((row) -> row.get(0, UUID.class))
			.one()
			.block());
	}

	private String cardOf(CustomerId member) {
		Long number = this.db.sql("SELECT card_number FROM customers WHERE id = :c")
			.bind("c", member.value())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		return this.codes.sign(CodePurpose.CARD, number);
	}

	private long scalar(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return (value == null) ? 0 : value.longValue();
	}

	private java.time.Instant scalarInstant(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, java.time.OffsetDateTime.class).toInstant()).one().block();
	}

	private String text(long user, String text) throws IOException {
		ObjectNode update;
		try (InputStream in = getClass().getResourceAsStream("/telegram/text_message.json")) {
			update = (ObjectNode) this.json.readTree(in);
		}
		update.put("update_id", UPDATE_IDS.incrementAndGet());
		ObjectNode message = (ObjectNode) update.get("message");
		((ObjectNode) message.get("from")).put("id", user).put("language_code", "en");
		((ObjectNode) message.get("chat")).put("id", user);
		message.put("text", text);
		message.putArray("entities")
			.addObject()
			.put("offset", 0)
			.put("length", text.split(" ")[0].length())
			.put("type", "bot_command");
		return update.toString();
	}

	private void webhook(String body) {
		this.http.post()
			.uri("/webhooks/telegram")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void awaitMessage(long user, String text) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sent(user)).anyMatch((request) -> textOf(request).contains(text)));
	}

	private String textOf(LoggedRequest request) {
		try {
			return this.json.readTree(request.getBodyAsString()).path("text").asText();
		}
		catch (IOException notJson) {
			return request.getBodyAsString();
		}
	}

	private List<LoggedRequest> sent(long user) {
		return TELEGRAM.findAll(postRequestedFor(urlPathMatching(BOT + "/(?i)sendmessage")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("\"chat_id\":\"" + user + "\"")
					|| request.getBodyAsString().contains("\"chat_id\":" + user))
			.toList();
	}

}
