package dev.punchcard.app.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.punchcard.app.api.ApiIT;
import dev.punchcard.app.broadcast.BroadcastDesk.Reach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.punchcard.app.broadcast.BroadcastDesk.PATIENCE;
import static dev.punchcard.app.broadcast.BroadcastDesk.firstName;
import static dev.punchcard.app.broadcast.BroadcastDesk.telegramChat;
import static dev.punchcard.app.broadcast.BroadcastDesk.waId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broadcasts end to end through the running application: members in PostgreSQL, the
 * marketer's API, the real senders and shared pacing in Redis, and WireMock as both the
 * Graph API and the Telegram Bot API, answering in their own shapes (successes, rate
 * limits, template and other errors), then signed WhatsApp webhooks with the statuses and
 * button taps. What each platform was sent is counted per recipient.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(locations = "classpath:broadcast-e2e.properties",
		properties = { "punchcard.broadcasts.sending.enabled=true", "punchcard.broadcasts.scheduled=true" })
// its senders and schedule must not outlive the class: cached contexts share the database
@DirtiesContext
class BroadcastEndToEndIT extends ApiIT {

	static final Platforms PLATFORMS = new Platforms();

	private BroadcastDesk desk;

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) {
		PLATFORMS.start();
		registry.add("punchcard.whatsapp.api-url", PLATFORMS::graphUrl);
		registry.add("punchcard.telegram.api-url", PLATFORMS::telegramUrl);
	}

	@AfterAll
	static void stopPlatforms() {
		PLATFORMS.stop();
	}

	/**
	 * Lets the sends still in flight (a paused or cancelled broadcast's claims) land
	 * before the next test resets the fakes, so none is counted as the next test's.
	 */
	@org.junit.jupiter.api.AfterEach
	void sendersQuiet() {
		try {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.db.sql("SELECT count(*) FROM broadcast_recipients WHERE state = 'SENDING'")
					.map((row) -> row.get(0, Long.class))
					.one()
					.block() == 0);
			Thread.sleep(300);
		}
		catch (org.awaitility.core.ConditionTimeoutException | InterruptedException ex) {
			// a claim left behind on purpose (a test's own) ends with its lease
		}
	}

	@BeforeEach
	void aMarketerAndHealthyPlatforms() {
		PLATFORMS.healthy();
		this.desk = new BroadcastDesk(this.http, this.db, this.till);
	}

	@Test
	void should_send_every_reachable_member_one_message_on_one_messenger_when_two_thousand_are_targeted() {
		// given 2,000 members in ten groups of 200
		this.desk.members(1, 200, Reach.TELEGRAM, null);
		this.desk.optedOut(1, 200, "TELEGRAM", "chat:stop");
		this.desk.members(201, 200, Reach.WHATSAPP, null);
		this.desk.optedOut(201, 200, "WHATSAPP", "whatsapp:user_preferences");
		this.desk.members(401, 200, Reach.TELEGRAM, null);
		this.desk.unreachable(401, 200, "TELEGRAM");
		this.desk.members(601, 200, Reach.NONE, null);
		this.desk.members(801, 200, Reach.BOTH, "TELEGRAM");
		this.desk.unreachable(801, 200, "TELEGRAM");
		this.desk.members(1001, 200, Reach.BOTH, "WHATSAPP");
		this.desk.optedOut(1001, 200, "WHATSAPP", "chat:stop");
		this.desk.members(1201, 200, Reach.TELEGRAM, null);
		this.desk.members(1401, 200, Reach.WHATSAPP, null);
		this.desk.members(1601, 200, Reach.BOTH, "TELEGRAM");
		this.desk.members(1801, 200, Reach.BOTH, "WHATSAPP");
		String broadcast = this.desk.draft("PREFERRED_WITH_FALLBACK");

		// when
		JsonNode started = this.desk.move(broadcast, "start");
		assertThat(started.path("progress").path("total").asLong()).isEqualTo(2000);
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");

		// then each reachable member got exactly one message, on the channel the policy
		// picks
		Set<String> telegram = new TreeSet<>();
		Set<String> whatsApp = new TreeSet<>();
		range(1001, 1200).forEach((member) -> telegram.add(telegramChat(member)));
		range(1201, 1400).forEach((member) -> telegram.add(telegramChat(member)));
		range(1601, 1800).forEach((member) -> telegram.add(telegramChat(member)));
		range(801, 1000).forEach((member) -> whatsApp.add(waId(member)));
		range(1401, 1600).forEach((member) -> whatsApp.add(waId(member)));
		range(1801, 2000).forEach((member) -> whatsApp.add(waId(member)));
		Map<String, List<JsonNode>> toTelegram = PLATFORMS.telegramDelivered();
		Map<String, List<JsonNode>> toWhatsApp = PLATFORMS.whatsAppDelivered();
		assertThat(toTelegram.keySet()).containsExactlyElementsOf(telegram);
		assertThat(toWhatsApp.keySet()).containsExactlyElementsOf(whatsApp);
		assertThat(toTelegram.values()).allSatisfy((sent) -> assertThat(sent).hasSize(1));
		assertThat(toWhatsApp.values()).allSatisfy((sent) -> assertThat(sent).hasSize(1));
		// rendered with each member's own fields
		assertThat(toTelegram.get(telegramChat(1234)).get(0).path("text").asText())
			.isEqualTo("Spring sale, <b>Ann1234</b>! As a BRONZE member you get 20% off.");
		JsonNode template = toWhatsApp.get(waId(1500)).get(0);
		assertThat(template.path("type").asText()).isEqualTo("template");
		assertThat(template.at("/template/name").asText()).isEqualTo("spring_sale");
		assertThat(Platforms.bodyParameters(template)).containsExactly(firstName(1500), "BRONZE");
		toWhatsApp.forEach((to, sent) -> assertThat(Platforms.bodyParameters(sent.get(0)).get(0))
			.isEqualTo(firstName(Integer.parseInt(to.substring(4)))));
		// and the progress says so, with the right reasons for the skipped
		JsonNode progress = done.path("progress");
		assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
		assertThat(progress.path("remaining").asLong()).isZero();
		assertThat(progress.path("byState").path("SENT").asLong()).isEqualTo(1200);
		assertThat(progress.path("byState").path("SKIPPED").asLong()).isEqualTo(800);
		assertThat(progress.path("byChannel").path("TELEGRAM").path("SENT").asLong()).isEqualTo(600);
		assertThat(progress.path("byChannel").path("WHATSAPP").path("SENT").asLong()).isEqualTo(600);
		BroadcastDesk.assertNoneFailed(done);
		Map<String, Long> reasons = this.desk.recipients(broadcast, "SKIPPED")
			.stream()
			.collect(
					Collectors.groupingBy((r) -> r.path("channel").asText("NONE") + " " + r.path("skipReason").asText(),
							Collectors.counting()));
		assertThat(reasons).containsOnly(Map.entry("TELEGRAM OPTED_OUT", 200L), Map.entry("WHATSAPP OPTED_OUT", 200L),
				Map.entry("TELEGRAM UNREACHABLE", 200L), Map.entry("NONE NO_CHANNEL", 200L));
		assertThat(this.desk.recipients(broadcast, "SENT"))
			.allSatisfy((r) -> assertThat(r.path("messageId").asText()).isNotEmpty());
	}

	@Test
	void should_send_nothing_new_while_paused_go_on_when_resumed_and_cancel_the_rest_when_cancelled() {
		// given 300 members on both messengers, and platforms that take 100 ms a message
		this.desk.members(1, 300, Reach.BOTH, null);
		PLATFORMS.telegramAnswers(100);
		PLATFORMS.whatsAppAnswers(100);
		String telegram = this.desk.draft("TELEGRAM_ONLY");
		this.desk.move(telegram, "start");
		await().atMost(PATIENCE).until(() -> this.desk.inState(telegram, "SENT") >= 40);

		// when paused halfway
		this.desk.move(telegram, "pause");

		// then only what was in flight still goes, and then nothing
		await().atMost(PATIENCE).until(() -> this.desk.inState(telegram, "SENDING") == 0);
		int sentWhilePaused = PLATFORMS.telegramDelivered().size();
		assertThat(this.desk.inState(telegram, "SENT")).isEqualTo(sentWhilePaused);
		assertThat(this.desk.inState(telegram, "QUEUED")).as("paused halfway").isGreaterThan(0);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> PLATFORMS.telegramDelivered().size() == sentWhilePaused);

		// when resumed, it goes on to the end, each member once
		this.desk.move(telegram, "resume");
		this.desk.awaitState(telegram, "COMPLETED");
		Map<String, List<JsonNode>> toTelegram = PLATFORMS.telegramDelivered();
		assertThat(toTelegram).hasSize(300).allSatisfy((chat, sent) -> assertThat(sent).hasSize(1));

		// when a WhatsApp broadcast is cancelled halfway
		String whatsApp = this.desk.draft("WHATSAPP_ONLY");
		this.desk.move(whatsApp, "start");
		await().atMost(PATIENCE).until(() -> this.desk.inState(whatsApp, "SENT") >= 40);
		JsonNode cancelled = this.desk.move(whatsApp, "cancel");

		// then the queued rest is CANCELLED, those in flight are SENT, and nothing more
		// goes
		assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
		await().atMost(PATIENCE).until(() -> this.desk.inState(whatsApp, "SENDING") == 0);
		JsonNode shown = this.desk.shown(whatsApp);
		long sent = shown.path("progress").path("byState").path("SENT").asLong();
		long rest = shown.path("progress").path("byState").path("CANCELLED").asLong();
		assertThat(rest).isGreaterThan(0);
		assertThat(sent + rest).isEqualTo(300);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> PLATFORMS.whatsAppDelivered().size() == sent);
		assertThat(PLATFORMS.whatsAppDelivered().values()).allSatisfy((each) -> assertThat(each).hasSize(1));
		assertThat(this.desk.shown(whatsApp).path("state").asText()).isEqualTo("CANCELLED");
	}

	@Test
	void should_hold_every_send_off_and_fail_nobody_when_the_platforms_answer_their_rate_limit_errors() {
		// given 150 members on each messenger, platforms taking 80 ms a message, and the
		// first
		// send to each answered with its rate-limit error (429 retry after 2 s, 130429)
		this.desk.members(1, 150, Reach.TELEGRAM, null);
		this.desk.members(151, 150, Reach.WHATSAPP, null);
		PLATFORMS.telegramAnswers(80);
		PLATFORMS.whatsAppAnswers(80);
		PLATFORMS.telegramFirst(post(urlPathEqualTo(Platforms.SEND_MESSAGE)).inScenario("telegram flood")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(Platforms.telegramError(429, "Too Many Requests: retry after 2", 2))
			.willSetStateTo("calm"));
		PLATFORMS.graphFirst(post(urlPathEqualTo(Platforms.MESSAGES)).inScenario("whatsapp throughput")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(Platforms.graphError(400, 130429, "Rate limit hit",
					"Cloud API message throughput has been reached."))
			.willSetStateTo("calm"));
		String broadcast = this.desk.draft("PREFERRED_WITH_FALLBACK");

		// when
		this.desk.move(broadcast, "start");
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");

		// then everybody got their message once, nobody FAILED
		BroadcastDesk.assertNoneFailed(done);
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(300);
		assertThat(PLATFORMS.telegramDelivered()).hasSize(150).allSatisfy((chat, sent) -> assertThat(sent).hasSize(1));
		assertThat(PLATFORMS.whatsAppDelivered()).hasSize(150).allSatisfy((to, sent) -> assertThat(sent).hasSize(1));
		// and after each rate-limit answer, the whole budget was held off
		heldOff(Platforms.sends(PLATFORMS.telegram, Platforms.SEND_MESSAGE, false), 429, "chat_id",
				Duration.ofSeconds(2));
		heldOff(Platforms.sends(PLATFORMS.graph, Platforms.MESSAGES, false), 400, "to", Duration.ofSeconds(2));
	}

	/**
	 * The first rate-limit answer was followed by no send at all for the hold-off (less
	 * what was already on its way: a turn is reserved up to the bulk horizon ahead),
	 * sends went on after it, and the limited recipients came back once and were taken.
	 */
	private static void heldOff(List<ServeEvent> sends, int limitedStatus, String recipientField, Duration holdOff) {
		List<ServeEvent> limited = sends.stream()
			.filter((event) -> event.getResponse().getStatus() == limitedStatus)
			.toList();
		assertThat(limited).as("rate-limit answers").isNotEmpty().hasSizeLessThanOrEqualTo(8);
		Instant first = Platforms.at(limited.get(0));
		Instant quietFrom = first.plusMillis(600);
		Instant quietUntil = first.plus(holdOff).minusMillis(300);
		assertThat(sends.stream().map(Platforms::at).filter((at) -> at.isAfter(quietFrom) && at.isBefore(quietUntil)))
			.as("sends during the hold-off after %s", first)
			.isEmpty();
		assertThat(sends.stream().map(Platforms::at).filter((at) -> at.isAfter(first.plus(holdOff))).count())
			.as("sends after the hold-off")
			.isGreaterThan(10);
		Map<String, Long> perRecipient = new HashMap<>();
		sends
			.forEach((event) -> perRecipient.merge(Platforms.body(event).path(recipientField).asText(), 1L, Long::sum));
		limited.forEach((event) -> assertThat(perRecipient.get(Platforms.body(event).path(recipientField).asText()))
			.as("sends to a limited recipient")
			.isEqualTo(2));
	}

	@Test
	void should_pause_with_meta_reason_when_whatsapp_refuses_the_template_and_finish_when_resumed() {
		// given 120 WhatsApp members and a broadcast under way
		this.desk.members(1, 120, Reach.WHATSAPP, null);
		PLATFORMS.whatsAppAnswers(50);
		String broadcast = this.desk.draft("WHATSAPP_ONLY");
		this.desk.move(broadcast, "start");
		await().atMost(PATIENCE).until(() -> this.desk.inState(broadcast, "SENT") >= 20);

		// when WhatsApp answers that the template is paused (132015)
		PLATFORMS.graphFirst(post(urlPathEqualTo(Platforms.MESSAGES)).willReturn(Platforms.graphError(400, 132015,
				"Template is Paused", "Template spring_sale is paused due to low quality so it cannot be sent")));

		// then the broadcast is PAUSED with Meta's reason, and the refused recipients
		// wait
		JsonNode paused = this.desk.awaitState(broadcast, "PAUSED");
		assertThat(paused.path("pauseReason").asText()).startsWith("WhatsApp refused the template")
			.contains("paused due to low quality");
		await().atMost(PATIENCE).until(() -> this.desk.inState(broadcast, "SENDING") == 0);
		BroadcastDesk.assertNoneFailed(this.desk.shown(broadcast));
		assertThat(this.desk.inState(broadcast, "QUEUED")).isGreaterThan(0);
		int refusals = Platforms.sends(PLATFORMS.graph, Platforms.MESSAGES, false).size()
				- PLATFORMS.whatsAppDelivered().size();
		assertThat(refusals).isGreaterThan(0);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> Platforms.sends(PLATFORMS.graph, Platforms.MESSAGES, false).size()
					- PLATFORMS.whatsAppDelivered().size() == refusals);

		// when it is approved again and the marketer resumes
		PLATFORMS.graph.getStubMappings()
			.stream()
			.filter((stub) -> stub.getPriority() != null && stub.getPriority() == 1)
			.map(StubMapping::getId)
			.toList()
			.forEach(PLATFORMS.graph::removeStubMapping);
		this.desk.move(broadcast, "resume");

		// then every member gets the message once
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(120);
		assertThat(PLATFORMS.whatsAppDelivered()).hasSize(120).allSatisfy((to, sent) -> assertThat(sent).hasSize(1));
	}

	@Test
	void should_pause_when_a_sync_finds_the_template_paused_and_finish_once_it_is_approved_again() {
		// given 120 WhatsApp members and a broadcast under way
		this.desk.members(1, 120, Reach.WHATSAPP, null);
		PLATFORMS.whatsAppAnswers(50);
		String broadcast = this.desk.draft("WHATSAPP_ONLY");
		this.desk.move(broadcast, "start");
		await().atMost(PATIENCE).until(() -> this.desk.inState(broadcast, "SENT") >= 20);

		// when a sync finds it PAUSED
		PLATFORMS.listSpringSale("PAUSED");
		this.desk.sync();

		// then the broadcast pauses with that reason and sends nothing more
		JsonNode paused = this.desk.awaitState(broadcast, "PAUSED");
		assertThat(paused.path("pauseReason").asText()).contains("WhatsApp paused the template spring_sale (en)");
		await().atMost(PATIENCE).until(() -> this.desk.inState(broadcast, "SENDING") == 0);
		int sentBefore = PLATFORMS.whatsAppDelivered().size();
		assertThat(sentBefore).isLessThan(120);
		// a resume while WhatsApp still has it paused is refused with the reason, and
		// sends nothing
		assertThat(this.desk.moveRefused(broadcast, "resume").path("detail").asText()).contains("cannot resume")
			.contains("WhatsApp paused the template spring_sale (en)");
		assertThat(this.desk.inState(broadcast, "QUEUED")).isPositive();
		this.desk.awaitState(broadcast, "PAUSED");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> PLATFORMS.whatsAppDelivered().size() == sentBefore);

		// when approved again, synced and resumed
		PLATFORMS.listSpringSale("APPROVED");
		this.desk.sync();
		this.desk.move(broadcast, "resume");

		// then it finishes, each member once
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(120);
		assertThat(PLATFORMS.whatsAppDelivered()).hasSize(120).allSatisfy((to, sent) -> assertThat(sent).hasSize(1));
	}

	@Test
	void should_rank_statuses_whatever_their_order_count_button_taps_and_opt_out_on_stop_promotions() {
		// given five WhatsApp members who were sent the broadcast
		this.desk.members(1, 5, Reach.WHATSAPP, null);
		String broadcast = this.desk.draft("WHATSAPP_ONLY");
		this.desk.move(broadcast, "start");
		this.desk.awaitState(broadcast, "COMPLETED");
		Map<String, String> wamids = new HashMap<>();
		this.desk.recipients(broadcast, null)
			.forEach((r) -> wamids.put(r.path("customerId").asText(), r.path("messageId").asText()));
		String[] wamid = new String[6];
		for (int member = 1; member <= 5; member++) {
			wamid[member] = wamids.get(this.desk.customerId(member));
			assertThat(wamid[member]).startsWith("wamid.");
		}
		Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(60);

		// when their statuses arrive out of order, some twice, some in one webhook
		this.desk.whatsAppWebhook(Platforms.statuses(Platforms.status(wamid[1], waId(1), "read", t.plusSeconds(20)),
				Platforms.status(wamid[1], waId(1), "delivered", t.plusSeconds(10))));
		String delivered2 = Platforms.statuses(Platforms.status(wamid[2], waId(2), "delivered", t.plusSeconds(5)));
		this.desk.whatsAppWebhook(delivered2);
		this.desk.whatsAppWebhook(delivered2);
		this.desk.whatsAppWebhook(Platforms.statuses(Platforms.status(wamid[3], waId(3), "delivered", t.plusSeconds(5)),
				Platforms.failed(wamid[3], waId(3), t.plusSeconds(30), 130472, "User's number is part of an experiment",
						"Failed to send message because this user's phone number is part of an experiment")));
		this.desk.whatsAppWebhook(Platforms.statuses(Platforms.failed(wamid[4], waId(4), t.plusSeconds(3), 131026,
				"Message undeliverable", "Message Undeliverable.")));
		this.desk.whatsAppWebhook(Platforms.statuses(Platforms.status(wamid[4], waId(4), "read", t.plusSeconds(40)),
				Platforms.status(wamid[4], waId(4), "delivered", t.plusSeconds(35))));
		this.desk.whatsAppWebhook(Platforms.statuses(Platforms.status(wamid[5], waId(5), "sent", t.plusSeconds(1))));

		// then each recipient shows its highest status
		await().atMost(PATIENCE).untilAsserted(() -> {
			Map<String, JsonNode> byCustomer = new HashMap<>();
			this.desk.recipients(broadcast, null).forEach((r) -> byCustomer.put(r.path("customerId").asText(), r));
			JsonNode one = byCustomer.get(this.desk.customerId(1));
			assertThat(one.path("state").asText()).isEqualTo("READ");
			assertThat(one.path("deliveredAt").isNull()).isFalse();
			assertThat(Instant.parse(one.path("readAt").asText())).isEqualTo(t.plusSeconds(20));
			assertThat(byCustomer.get(this.desk.customerId(2)).path("state").asText()).isEqualTo("DELIVERED");
			JsonNode three = byCustomer.get(this.desk.customerId(3));
			assertThat(three.path("state").asText()).isEqualTo("FAILED");
			assertThat(three.path("errorCode").asText()).isEqualTo("130472");
			assertThat(three.path("errorReason").asText()).isEqualTo("User's number is part of an experiment");
			JsonNode four = byCustomer.get(this.desk.customerId(4));
			assertThat(four.path("state").asText()).isEqualTo("FAILED");
			assertThat(four.path("errorCode").asText()).isEqualTo("131026");
			assertThat(byCustomer.get(this.desk.customerId(5)).path("state").asText()).isEqualTo("SENT");
		});
		assertThat(this.desk
			.count("SELECT count(*) FROM channel_identities WHERE NOT reachable AND external_id = '" + waId(4) + "'"))
			.as("131026 marks the chat unreachable")
			.isEqualTo(1);

		// when member 5 taps "More offers" twice and member 2 taps "Stop promotions"
		this.desk.whatsAppWebhook(Platforms.quickReply(waId(5), "Ann5 Tester", wamid[5], "More offers", "More offers",
				"wamid.HBgLtap5a"));
		this.desk.whatsAppWebhook(Platforms.quickReply(waId(5), "Ann5 Tester", wamid[5], "More offers", "More offers",
				"wamid.HBgLtap5b"));
		this.desk.whatsAppWebhook(Platforms.quickReply(waId(2), "Ann2 Tester", wamid[2], "STOP_PROMOTIONS",
				"Stop promotions", "wamid.HBgLtap2"));

		// then each tap counts once per member and button, and member 2 is opted out
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode buttons = this.desk.shown(broadcast).path("progress").path("buttons");
			assertThat(buttons.path("More offers").asLong()).isEqualTo(1);
			assertThat(buttons.path("STOP_PROMOTIONS").asLong()).isEqualTo(1);
			assertThat(
					this.desk.count("SELECT count(*) FROM marketing_consents WHERE opted_out AND channel = 'WHATSAPP'"
							+ " AND external_id = '" + waId(2) + "'"))
				.isEqualTo(1);
		});
		// so the next broadcast leaves them out (and the unreachable one)
		String next = this.desk.draft("WHATSAPP_ONLY");
		this.desk.move(next, "start");
		this.desk.awaitState(next, "COMPLETED");
		Map<String, String> skipped = new HashMap<>();
		this.desk.recipients(next, "SKIPPED")
			.forEach((r) -> skipped.put(r.path("customerId").asText(), r.path("skipReason").asText()));
		assertThat(skipped).containsOnly(Map.entry(this.desk.customerId(2), "OPTED_OUT"),
				Map.entry(this.desk.customerId(4), "UNREACHABLE"));
	}

	@Test
	void should_list_the_recipients_that_failed_for_good_in_the_csv_with_code_and_quoted_reason() {
		// given members whose sends fail with errors that do not pass
		this.desk.members(1, 6, Reach.TELEGRAM, null);
		this.desk.members(7, 4, Reach.WHATSAPP, null);
		PLATFORMS.telegramFirst(post(urlPathEqualTo(Platforms.SEND_MESSAGE))
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo(telegramChat(2))))
			.willReturn(Platforms.telegramError(400,
					"Bad Request: can't parse entities: Unsupported start tag \"spring\" at byte offset 12", null)));
		PLATFORMS.graphFirst(
				post(urlPathEqualTo(Platforms.MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(waId(8))))
					.willReturn(Platforms.graphError(400, 131009, "Parameter value is not valid",
							"Value \\\"+x\\\", in parameter to, is invalid")));
		String broadcast = this.desk.draft("PREFERRED_WITH_FALLBACK");

		// when
		this.desk.move(broadcast, "start");
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");

		// then they are FAILED after the attempts allowed, the others SENT
		assertThat(done.path("progress").path("byState").path("FAILED").asLong()).isEqualTo(2);
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(8);
		assertThat(done.path("progress").path("percent").asDouble()).isEqualTo(100.0);
		assertThat(Platforms.sends(PLATFORMS.telegram, Platforms.SEND_MESSAGE, false)
			.stream()
			.filter((event) -> Platforms.body(event).path("chat_id").asText().equals(telegramChat(2)))).hasSize(3);
		assertThat(Platforms.sends(PLATFORMS.graph, Platforms.MESSAGES, false)
			.stream()
			.filter((event) -> Platforms.body(event).path("to").asText().equals(waId(8)))).hasSize(3);
		String[] lines = this.desk.csv(broadcast, "FAILED").split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).startsWith("id,customer_id,channel,state,skip_reason,message_id,error_code,error_reason,");
		assertThat(line(lines, this.desk.customerId(2))).endsWith(",TELEGRAM,FAILED,,,400,\"sendMessage failed: [400]"
				+ " Bad Request: can't parse entities: Unsupported start tag \"\"spring\"\" at byte offset 12"
				+ " (gave up after 3 attempts)\",3,,,," + failedAt(broadcast, 2));
		assertThat(line(lines, this.desk.customerId(8))).endsWith(",WHATSAPP,FAILED,,,131009,\"Graph API send failed:"
				+ " HTTP 400, code 131009: Value \"\"+x\"\", in parameter to, is invalid (fbtrace_id AZx3Fo1lVcdmVgAhVtSFqQc)"
				+ " (gave up after 3 attempts)\",3,,,," + failedAt(broadcast, 8));
	}

	private String failedAt(String broadcast, int member) {
		return this.desk.recipients(broadcast, "FAILED")
			.stream()
			.filter((r) -> r.path("customerId").asText().equals(this.desk.customerId(member)))
			.findFirst()
			.orElseThrow()
			.path("failedAt")
			.asText();
	}

	private static String line(String[] lines, String customerId) {
		return java.util.Arrays.stream(lines)
			.filter((line) -> line.contains("," + customerId + ","))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CSV line of " + customerId + " in " + List.of(lines)));
	}

	private static IntStream range(int first, int last) {
		return IntStream.rangeClosed(first, last);
	}

}
