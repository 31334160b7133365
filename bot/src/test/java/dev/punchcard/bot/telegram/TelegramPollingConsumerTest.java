package dev.punchcard.bot.telegram;

import dev.punchcard.core.shared.domain.ChatChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.bot.conversation.ReachabilityListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update TelegramBots hands over has already been given up by its offset: the consumer
 * keeps trying to store it rather than log it lost.
 */
class TelegramPollingConsumerTest {

	private final TestTelegram.Edge edge = TestTelegram.Edge.over(TestTelegram.properties("http://127.0.0.1:9"),
			ReachabilityListener.IGNORE);

	private final List<Duration> pauses = new ArrayList<>();

	private Disposable lanes;

	@AfterEach
	void stop() {
		if (this.lanes != null) {
			this.lanes.dispose();
		}
	}

	/** A consumer whose pauses are recorded, not slept. */
	private TelegramPollingConsumer recordingPauses() {
		return new TelegramPollingConsumer(this.edge.intake(), Duration.ofSeconds(5), this.pauses::add);
	}

	@Test
	void should_keep_trying_with_back_off_until_stored_when_the_database_is_down() {
		this.edge.store().failNextStores(4);
		TelegramPollingConsumer consumer = recordingPauses();

		consumer.consume(List.of(TelegramFixtures.parse(TelegramFixtures.textMessage(501, 77, "hello"))));

		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "501")).isNotNull();
		assertThat(this.pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
				Duration.ofMillis(1600));
	}

	@Test
	void should_cap_the_wait_between_tries() {
		this.edge.store().failNextStores(12);
		TelegramPollingConsumer consumer = recordingPauses();

		consumer.consume(List.of(TelegramFixtures.parse(TelegramFixtures.textMessage(502, 77, "hello"))));

		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "502")).isNotNull();
		assertThat(this.pauses).hasSize(12).endsWith(TelegramPollingConsumer.LONGEST_WAIT);
		assertThat(this.pauses).allSatisfy((pause) -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void should_stop_without_storing_the_rest_of_the_batch_when_interrupted_while_waiting() {
		this.edge.store().failNextStores(1);
		TelegramPollingConsumer consumer = new TelegramPollingConsumer(this.edge.intake(), Duration.ofSeconds(5),
				(pause) -> false);

		consumer.consume(List.of(TelegramFixtures.parse(TelegramFixtures.textMessage(503, 77, "one")),
				TelegramFixtures.parse(TelegramFixtures.textMessage(504, 77, "two"))));

		// neither stored nor confirmed: Telegram sends both again after the restart
		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "503")).isNull();
		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "504")).isNull();
	}

	@Test
	void should_store_every_update_of_a_batch_in_order_when_the_database_is_up() {
		this.lanes = this.edge.start();
		TelegramPollingConsumer consumer = recordingPauses();

		consumer.consume(List.of(TelegramFixtures.parse(TelegramFixtures.textMessage(505, 77, "one")),
				TelegramFixtures.parse(TelegramFixtures.textMessage(506, 78, "two"))));

		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "505")).isNotNull();
		assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "506")).isNotNull();
		assertThat(this.pauses).isEmpty();
	}

}
