package dev.punchcard.app.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.app.PunchcardApplication;
import dev.punchcard.app.api.ApiIT;
import dev.punchcard.app.broadcast.BroadcastDesk.Reach;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import dev.punchcard.core.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static dev.punchcard.app.broadcast.BroadcastDesk.PATIENCE;
import static dev.punchcard.app.broadcast.BroadcastDesk.telegramChat;
import static dev.punchcard.app.broadcast.BroadcastDesk.waId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application over one PostgreSQL and one Redis share a broadcast:
 * this test's application (instance A) and a second one started beside it on another port
 * (instance B), each talking to its own pair of WireMock platforms, so that what each
 * instance sent can be told apart. The claims ({@code FOR UPDATE SKIP LOCKED}) give no
 * member to both; an instance killed mid-way leaves its claims SENDING, and the other
 * takes them over when their lease ends.
 * <p>
 * What the code guarantees: each claim sends once and only its own lease may settle it,
 * so a member whose message went out from the killed instance before it could settle is
 * sent again by the survivor (at most twice, for one crash); every other member exactly
 * once.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(locations = "classpath:broadcast-e2e.properties",
		properties = { "punchcard.broadcasts.sending.enabled=true", "punchcard.broadcasts.scheduled=true" })
// its senders and schedule must not outlive the class: cached contexts share the database
@DirtiesContext
class BroadcastTwoInstancesIT extends ApiIT {

	static final Platforms A = new Platforms();

	static final Platforms B = new Platforms();

	private BroadcastDesk desk;

	/**
	 * Started once and closed after all tests: closing an application disposes Reactor
	 * Netty's global resources, which the other application in this JVM uses too.
	 */
	private static ConfigurableApplicationContext second;

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) {
		A.start();
		B.start();
		registry.add("punchcard.whatsapp.api-url", A::graphUrl);
		registry.add("punchcard.telegram.api-url", A::telegramUrl);
	}

	@AfterAll
	static void stopTheSecondAndThePlatforms() {
		if (second != null) {
			second.close();
		}
		A.stop();
		B.stop();
	}

	@BeforeEach
	void twoInstances() {
		for (Platforms platforms : List.of(A, B)) {
			platforms.healthy();
			platforms.telegramAnswers(60);
			platforms.whatsAppAnswers(60);
		}
		this.desk = new BroadcastDesk(this.http, this.db, this.till);
		if (second == null) {
			second = secondInstance();
		}
		SmartLifecycle senders = sendersOf(second);
		if (!senders.isRunning()) {
			senders.start();
		}
	}

	private static SmartLifecycle sendersOf(ConfigurableApplicationContext context) {
		return context.getBean("broadcastSenders", SmartLifecycle.class);
	}

	@Test
	void should_send_each_member_once_when_two_instances_share_the_broadcast() {
		// given
		this.desk.members(1, 200, Reach.TELEGRAM, null);
		this.desk.members(201, 200, Reach.WHATSAPP, null);
		String broadcast = this.desk.draft("PREFERRED_WITH_FALLBACK");

		// when
		this.desk.move(broadcast, "start");
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");

		// then both instances sent on both messengers, and nobody got two messages
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(400);
		assertThat(A.telegramDelivered()).as("Telegram from A").isNotEmpty();
		assertThat(B.telegramDelivered()).as("Telegram from B").isNotEmpty();
		assertThat(A.whatsAppDelivered()).as("WhatsApp from A").isNotEmpty();
		assertThat(B.whatsAppDelivered()).as("WhatsApp from B").isNotEmpty();
		Map<String, Integer> telegram = together(A.telegramDelivered(), B.telegramDelivered());
		Map<String, Integer> whatsApp = together(A.whatsAppDelivered(), B.whatsAppDelivered());
		assertThat(telegram).hasSize(200).allSatisfy((chat, times) -> assertThat(times).as(chat).isEqualTo(1));
		assertThat(whatsApp).hasSize(200).allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1));
	}

	@Test
	void should_let_the_other_instance_take_over_the_claims_of_one_killed_mid_way() {
		// given a broadcast well under way on both instances, with sends slow enough that
		// B
		// still holds claims when it dies however busy the machine (at 60 ms the whole
		// broadcast could be over before the kill: CI once found no claim to take over)
		for (Platforms platforms : List.of(A, B)) {
			platforms.telegramAnswers(250);
			platforms.whatsAppAnswers(250);
		}
		this.desk.members(1, 300, Reach.TELEGRAM, null);
		this.desk.members(301, 300, Reach.WHATSAPP, null);
		String broadcast = this.desk.draft("PREFERRED_WITH_FALLBACK");
		this.desk.move(broadcast, "start");
		await().atMost(PATIENCE).until(() -> B.telegramDelivered().size() >= 20 && B.whatsAppDelivered().size() >= 20);

		// when instance B dies: its senders stop on the spot, their sends cut off, their
		// claims left SENDING (closing the application would not do: it lets the batch in
		// flight settle first)
		sendersOf(second).stop();
		// a claim statement B had already sent still commits: its rows are B's claims too
		reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(500)).block();
		Set<String> inFlight = new TreeSet<>(this.db.sql("""
				SELECT chat_id FROM broadcast_recipients WHERE broadcast_id = CAST(:id AS uuid) AND state = 'SENDING'
				""").bind("id", broadcast).map((row) -> row.get(0, String.class)).all().collectList().block());

		// then A finishes it, B's claims included once their lease ended
		JsonNode done = this.desk.awaitState(broadcast, "COMPLETED");
		assertThat(done.path("progress").path("byState").path("SENT").asLong()).isEqualTo(600);
		BroadcastDesk.assertNoneFailed(done);
		Map<String, Integer> telegram = together(A.telegramDelivered(), B.telegramDelivered());
		Map<String, Integer> whatsApp = together(A.whatsAppDelivered(), B.whatsAppDelivered());
		assertThat(telegram).hasSize(300);
		assertThat(whatsApp).hasSize(300);
		List<String> twice = new ArrayList<>();
		telegram.forEach((chat, times) -> {
			assertThat(times).as(chat).isBetween(1, 2);
			if (times == 2) {
				twice.add(chat);
			}
		});
		whatsApp.forEach((to, times) -> {
			assertThat(times).as(to).isBetween(1, 2);
			if (times == 2) {
				twice.add(to);
			}
		});
		// only a member whose claim B held when it died may have been sent twice: once by
		// B,
		// once by A
		assertThat(inFlight).containsAll(twice);
		for (String member : twice) {
			assertThat(A.telegramDelivered().containsKey(member) || A.whatsAppDelivered().containsKey(member))
				.as("%s sent again by A", member)
				.isTrue();
			assertThat(B.telegramDelivered().containsKey(member) || B.whatsAppDelivered().containsKey(member))
				.as("%s first sent by B; A: %s; B: %s", member, events(A, member), events(B, member))
				.isTrue();
		}
		// B's claims that it had not settled were claimed again once their lease ended:
		// the only way a recipient is claimed twice here
		List<String> claimedTwice = this.db.sql("""
				SELECT chat_id FROM broadcast_recipients WHERE broadcast_id = CAST(:id AS uuid) AND attempts > 1
				""").bind("id", broadcast).map((row) -> row.get(0, String.class)).all().collectList().block();
		assertThat(claimedTwice).as("claims taken over").isNotEmpty();
		assertThat(inFlight).containsAll(claimedTwice);
		assertThat(claimedTwice).containsAll(twice);
		for (String member : claimedTwice) {
			assertThat(A.telegramDelivered().containsKey(member) || A.whatsAppDelivered().containsKey(member))
				.as("%s taken over and sent by A", member)
				.isTrue();
		}
		// members never reached by B were sent by A only, once
		for (int member = 1; member <= 600; member++) {
			String key = (member <= 300) ? telegramChat(member) : waId(member);
			assertThat(telegram.getOrDefault(key, 0) + whatsApp.getOrDefault(key, 0)).as(key).isPositive();
		}
	}

	private static List<String> events(Platforms platforms, String member) {
		List<String> events = new ArrayList<>();
		for (var server : List.of(platforms.telegram, platforms.graph)) {
			server.getAllServeEvents()
				.stream()
				.filter((event) -> event.getRequest().getBodyAsString().contains(member))
				.forEach((event) -> events.add(event.getRequest().getLoggedDate().toInstant() + " "
						+ event.getRequest().getUrl() + " " + event.getResponse().getStatus()));
		}
		return events;
	}

	/** How many messages each recipient got from both instances together. */
	private static Map<String, Integer> together(Map<String, List<JsonNode>> one, Map<String, List<JsonNode>> other) {
		Map<String, Integer> times = new java.util.TreeMap<>();
		one.forEach((key, sent) -> times.merge(key, sent.size(), Integer::sum));
		other.forEach((key, sent) -> times.merge(key, sent.size(), Integer::sum));
		return times;
	}

	/**
	 * The application once more, over the same database and Redis, with this class's
	 * settings, on a port of its own and talking to platforms B.
	 */
	private static ConfigurableApplicationContext secondInstance() {
		List<String> settings = new ArrayList<>(List.of(ApiIT.class.getAnnotation(SpringBootTest.class).properties()));
		// the second instance sends broadcasts too (the other tests' contexts do not)
		settings.removeIf((setting) -> setting.startsWith("punchcard.broadcasts.sending.enabled=")
				|| setting.startsWith("punchcard.broadcasts.scheduled="));
		settings.add("punchcard.broadcasts.sending.enabled=true");
		settings.add("punchcard.broadcasts.scheduled=true");
		Platforms.SETTINGS.forEach((key, value) -> settings.add(key + "=" + value));
		TestDatabase database = TestDatabases.forModule("app");
		settings.add("spring.r2dbc.url=" + database.r2dbcUrl());
		settings.add("spring.r2dbc.username=" + database.user());
		settings.add("spring.flyway.url=" + database.jdbcUrl());
		settings.add("spring.flyway.user=" + database.user());
		settings.add("spring.data.redis.url=" + TestRedis.urlFor(2));
		settings.add("punchcard.whatsapp.api-url=" + B.graphUrl());
		settings.add("punchcard.telegram.api-url=" + B.telegramUrl());
		settings.add("server.port=0");
		return new SpringApplicationBuilder(PunchcardApplication.class)
			.run(settings.stream().map((setting) -> "--" + setting).toArray(String[]::new));
	}

}
