package dev.punchcard.bot.broadcast;

import java.time.Duration;
import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BroadcastSendingPropertiesTest {

	@Test
	void should_have_the_documented_defaults_when_nothing_is_set() {
		BroadcastSendingProperties settings = BroadcastFixture.settings();

		assertThat(settings.enabled()).isTrue();
		assertThat(settings.batchSize()).isEqualTo(500);
		assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.concurrency()).isEqualTo(64);
		assertThat(settings.maxAttempts()).isEqualTo(6);
		assertThat(settings.backoffBase()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.backoffCap()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void should_refuse_at_start_up_a_lease_not_longer_than_twice_a_channels_longest_wait_for_a_turn() {
		BroadcastChannel patient = new RecordingChannel(ChatChannel.WHATSAPP) {

			@Override
			public Duration longestTurnWait() {
				return Duration.ofSeconds(60);
			}

		};

		assertThatThrownBy(
				() -> BroadcastSendingConfiguration.checkLease(List.of(patient), BroadcastFixture.settings("lease=2m")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("punchcard.broadcasts.sending.lease")
			.hasMessageContaining("WHATSAPP");
		BroadcastSendingConfiguration.checkLease(List.of(patient), BroadcastFixture.settings("lease=121s"));
		BroadcastSendingConfiguration.checkLease(List.of(new RecordingChannel(ChatChannel.TELEGRAM)),
				BroadcastFixture.settings("lease=1s"));
	}

	@Test
	void should_refuse_a_backoff_cap_below_its_base() {
		assertThatThrownBy(() -> BroadcastFixture.settings("backoff-base=10m", "backoff-cap=1m"))
			.hasStackTraceContaining("backoff-cap is below backoff-base");
	}

	@Test
	void should_cap_the_backoff_and_keep_the_jitter_within_half_when_attempts_grow() {
		BroadcastBackoff backoff = new BroadcastBackoff(BroadcastFixture.settings("backoff-base=30s", "backoff-cap=5m"),
				java.time.Clock.systemUTC(), () -> 0.999);

		assertThat(backoff.wait(1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
		assertThat(backoff.wait(2)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
		assertThat(backoff.wait(30)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
	}

}
