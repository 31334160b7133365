package dev.punchcard.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.punchcard.app.api.ApiIT;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox reaches the shopper's chat after purchases from the API, at least once, and
 * stops at a blocked bot.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = "punchcard.notifications.poll-every=100ms")
// its outbox poller must not outlive the class: cached contexts share the test database
// and would take
// the next class's notifications
@DirtiesContext
class NotificationsIT extends ApiIT {

	@Autowired
	Conversation conversation;

	@Autowired
	RecordingSender sender;

	@Autowired
	CodeSigner codes;

	private String store;

	private String cashier;

	@BeforeEach
	void givenAShopperInChat() {
		this.sender.reset();
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		new ChatUser(this.conversation, "5001", "Nora", "en").send("/start");
	}

	@Test
	void should_tell_the_shopper_their_points_when_a_till_records_a_purchase() {
		this.till.purchase(this.cashier, card(), this.store, "R-1", 25_00, HttpStatus.CREATED);

		await().atMost(Duration.ofSeconds(30)).until(() -> !this.sender.sent.isEmpty());
		BotReply message = this.sender.sent.get(0);
		assertThat(message.chatId()).isEqualTo("5001");
		assertThat(ChatUser.texts(message.messages())).contains("You earned <b>+25</b> points for 25.00 EUR")
			.contains("Balance: <b>25</b>");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> scalar("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'") == 1);
	}

	@Test
	void should_retry_with_backoff_when_delivery_fails_for_a_moment() {
		this.sender.failNext.set(true);

		this.till.purchase(this.cashier, card(), this.store, "R-1", 10_00, HttpStatus.CREATED);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> scalar("SELECT attempts FROM notification_outbox") == 1
					&& scalar("SELECT count(*) FROM notification_outbox WHERE last_error IS NOT NULL") == 1);
		assertThat(this.sender.sent).isEmpty();
		this.db.sql("UPDATE notification_outbox SET next_attempt_at = now()").then().block();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sender.sent.size() == 1);
	}

	@Test
	void should_stop_sending_when_the_shopper_blocked_the_bot_until_they_write_again() {
		this.sender.blocked.set(true);
		this.till.purchase(this.cashier, card(), this.store, "R-1", 10_00, HttpStatus.CREATED);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> scalar("SELECT count(*) FROM channel_identities WHERE NOT reachable") == 1);
		int attempts = this.sender.attempts.size();

		this.till.purchase(this.cashier, card(), this.store, "R-2", 10_00, HttpStatus.CREATED);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> scalar("SELECT count(*) FROM notification_outbox WHERE status = 'FAILED'") == 2);
		assertThat(this.sender.attempts).as("no send to a chat that blocked the bot").hasSize(attempts);

		this.sender.blocked.set(false);
		new ChatUser(this.conversation, "5001", "Nora", "en").send("/profile");
		this.till.purchase(this.cashier, card(), this.store, "R-3", 10_00, HttpStatus.CREATED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sender.sent.size() == 1);
	}

	private String card() {
		Long number = this.db.sql("SELECT card_number FROM customers")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		return this.codes.sign(CodePurpose.CARD, number);
	}

	private long scalar(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value == null ? 0 : value.longValue();
	}

	/**
	 * A Telegram sender that records what it would send, and can fail or be blocked on
	 * demand.
	 */
	static final class RecordingSender implements ChatSender {

		final List<BotReply> sent = new CopyOnWriteArrayList<>();

		final List<BotReply> attempts = new CopyOnWriteArrayList<>();

		final AtomicBoolean failNext = new AtomicBoolean();

		final AtomicBoolean blocked = new AtomicBoolean();

		void reset() {
			this.sent.clear();
			this.attempts.clear();
			this.failNext.set(false);
			this.blocked.set(false);
		}

		@Override
		public ChatChannel channel() {
			return ChatChannel.TELEGRAM;
		}

		@Override
		public Mono<Void> send(BotReply reply) {
			return Mono.defer(() -> {
				this.attempts.add(reply);
				if (this.blocked.get()) {
					return Mono.error(new RecipientUnreachableException(reply.chatId()));
				}
				if (this.failNext.getAndSet(false)) {
					return Mono.error(new IllegalStateException("Bot API answered 502"));
				}
				this.sent.add(reply);
				return Mono.empty();
			});
		}

	}

	@TestConfiguration
	static class Senders {

		@Bean
		RecordingSender recordingSender() {
			return new RecordingSender();
		}

	}

}
