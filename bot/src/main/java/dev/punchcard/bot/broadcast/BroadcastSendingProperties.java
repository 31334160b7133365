package dev.punchcard.bot.broadcast;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the broadcast senders work on every instance ({@code punchcard.broadcasts.sending},
 * nested in the core's {@code punchcard.broadcasts}).
 *
 * @param enabled whether this instance sends broadcasts at all
 * @param batchSize recipients claimed at once per channel
 * @param lease how long a claim is this instance's; longer than a batch takes to send
 * @param concurrency recipients of a batch sent at the same time
 * @param maxAttempts attempts per recipient for failures that may pass; then FAILED
 * @param backoffBase the wait after the first passing failure, doubled each attempt, with
 * jitter
 * @param backoffCap the longest such wait
 * @param idlePoll how often an idle sender looks for work
 * @param stopGrace how long stopping waits for the batch in flight to settle
 */
@ConfigurationProperties("punchcard.broadcasts.sending")
@Validated
public record BroadcastSendingProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("500") @Positive @Max(1000) int batchSize, @DefaultValue("2m") Duration lease,
		@DefaultValue("64") @Positive @Max(256) int concurrency, @DefaultValue("6") @Positive @Max(50) int maxAttempts,
		@DefaultValue("30s") Duration backoffBase, @DefaultValue("1h") Duration backoffCap,
		@DefaultValue("2s") Duration idlePoll, @DefaultValue("20s") Duration stopGrace) {

	public BroadcastSendingProperties {
		requirePositive("lease", lease);
		requirePositive("backoff-base", backoffBase);
		requirePositive("idle-poll", idlePoll);
		if (backoffCap.compareTo(backoffBase) < 0) {
			throw new IllegalArgumentException("punchcard.broadcasts.sending.backoff-cap is below backoff-base");
		}
		if (stopGrace.isNegative()) {
			throw new IllegalArgumentException("punchcard.broadcasts.sending.stop-grace must not be negative");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException("punchcard.broadcasts.sending." + name + " must be positive");
		}
	}

}
