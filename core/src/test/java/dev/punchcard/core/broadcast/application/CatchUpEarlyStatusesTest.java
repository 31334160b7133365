package dev.punchcard.core.broadcast.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.IntStream;

import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses.CatchUp;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatchUpEarlyStatusesTest {

	private static final Instant NOW = TestClock.NOW;

	private static final Duration TTL = Duration.ofHours(1);

	private final InMemoryEarlyStatuses early = new InMemoryEarlyStatuses();

	@Test
	void should_apply_the_statuses_whose_send_is_settled_and_keep_the_others_when_they_are_within_their_ttl() {
		this.early.keep("wamid.settled", NOW.minusSeconds(90));
		this.early.keep("wamid.waiting", NOW.minusSeconds(60));
		this.early.settle("wamid.settled");

		catchUp(10).run().as(StepVerifier::create).expectNext(new CatchUp(1, 0)).verifyComplete();

		assertThat(this.early.applied()).containsExactly("wamid.settled");
		assertThat(this.early.kept()).containsExactly("wamid.waiting");
	}

	@Test
	void should_forget_a_status_kept_past_its_ttl_without_applying_it_when_its_send_was_settled_since() {
		this.early.keep("wamid.stale", NOW.minus(TTL).minusSeconds(1));
		this.early.keep("wamid.fresh", NOW.minus(TTL).plusSeconds(1));
		this.early.keep("wamid.stale-unsettled", NOW.minus(TTL.multipliedBy(2)));
		this.early.settle("wamid.stale");
		this.early.settle("wamid.fresh");

		catchUp(10).run().as(StepVerifier::create).expectNext(new CatchUp(1, 2)).verifyComplete();

		assertThat(this.early.applied()).containsExactly("wamid.fresh");
		assertThat(this.early.kept()).isEmpty();
	}

	@Test
	void should_go_on_batch_by_batch_until_a_batch_comes_back_short_when_more_are_settled_than_one_batch_holds() {
		IntStream.range(0, 7).forEach((i) -> settledAt("wamid." + i, NOW.minusSeconds(100 - i)));

		catchUp(3).run().as(StepVerifier::create).expectNext(new CatchUp(7, 0)).verifyComplete();

		assertThat(this.early.batches()).containsExactly(3, 3, 1);
		assertThat(this.early.applied()).containsExactly("wamid.0", "wamid.1", "wamid.2", "wamid.3", "wamid.4",
				"wamid.5", "wamid.6");
	}

	@Test
	void should_leave_the_rest_to_the_next_run_when_batches_keep_coming_back_full() {
		int batch = 2;
		int more = batch * CatchUpEarlyStatuses.MAX_BATCHES + 1;
		IntStream.range(0, more).forEach((i) -> settledAt("wamid." + i, NOW.minusSeconds(1000)));
		CatchUpEarlyStatuses catchUp = catchUp(batch);

		catchUp.run().as(StepVerifier::create).expectNext(new CatchUp(more - 1, 0)).verifyComplete();

		assertThat(this.early.batches())
			.containsExactlyElementsOf(Collections.nCopies(CatchUpEarlyStatuses.MAX_BATCHES, batch));
		assertThat(this.early.kept()).hasSize(1);
		catchUp.run().as(StepVerifier::create).expectNext(new CatchUp(1, 0)).verifyComplete();
		assertThat(this.early.kept()).isEmpty();
	}

	@Test
	void should_do_nothing_until_subscribed_when_run_is_called() {
		settledAt("wamid.A", NOW.minusSeconds(5));

		catchUp(10).run();

		assertThat(this.early.kept()).containsExactly("wamid.A");
	}

	@Test
	void should_refuse_to_start_when_the_ttl_or_the_batch_is_not_positive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CatchUpEarlyStatuses(this.early, Duration.ZERO, 10, TestClock.fixed()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CatchUpEarlyStatuses(this.early, TTL, 0, TestClock.fixed()));
	}

	private void settledAt(String messageId, Instant receivedAt) {
		this.early.keep(messageId, receivedAt);
		this.early.settle(messageId);
	}

	private CatchUpEarlyStatuses catchUp(int batch) {
		return new CatchUpEarlyStatuses(this.early, TTL, batch, TestClock.fixed());
	}

}
