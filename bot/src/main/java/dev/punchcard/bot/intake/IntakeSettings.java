package dev.punchcard.bot.intake;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one channel's stored updates are processed; bound under each channel's
 * {@code intake} prefix (e.g. {@code punchcard.telegram.intake}). The dedupe horizon has
 * no common default: each channel's properties fill it with its platform's
 * ({@link #withPurgeAfterDefault(Duration)}), since platforms redeliver for different
 * times.
 *
 * @param lanes how many chats are processed in parallel (one update per lane at a time)
 * @param lease how long a claim on an update lasts; a crashed worker's claim expires
 * @param processingTimeout the longest one update may take; below the lease
 * @param staleAfter updates not done this long after receipt are reclaimed by the sweeper
 * @param sweepEvery how often the sweeper looks for stale updates
 * @param sweepBatch the most updates reclaimed per sweep
 * @param maxAttempts after this many failed attempts an update is given up (logged,
 * marked done)
 * @param purgeAfter done updates are deleted this long after receipt: the dedupe horizon,
 * at least as long as the platform redelivers
 * @param purgeEvery how often done updates are purged
 * @param storeTimeout the longest storing one received update may take
 */
public record IntakeSettings(@DefaultValue("64") @Positive int lanes, @DefaultValue("60s") Duration lease,
		@DefaultValue("45s") Duration processingTimeout, @DefaultValue("10s") Duration staleAfter,
		@DefaultValue("5s") Duration sweepEvery, @DefaultValue("50") @Positive int sweepBatch,
		@DefaultValue("5") @Positive int maxAttempts, @Nullable Duration purgeAfter,
		@DefaultValue("1h") Duration purgeEvery, @DefaultValue("5s") Duration storeTimeout) {

	public IntakeSettings {
		if (processingTimeout.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("intake.processing-timeout must be below intake.lease");
		}
		for (Duration period : new Duration[] { lease, staleAfter, sweepEvery, purgeEvery, storeTimeout }) {
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("intake durations must be positive, got " + period);
			}
		}
	}

	/** These settings with {@code purgeAfter} set to the channel's default when unset. */
	public IntakeSettings withPurgeAfterDefault(Duration channelDefault) {
		return (this.purgeAfter != null) ? this
				: new IntakeSettings(this.lanes, this.lease, this.processingTimeout, this.staleAfter, this.sweepEvery,
						this.sweepBatch, this.maxAttempts, channelDefault, this.purgeEvery, this.storeTimeout);
	}

	/** The dedupe horizon; set by the channel's properties. */
	Duration requiredPurgeAfter() {
		if (this.purgeAfter == null) {
			throw new IllegalStateException("intake.purge-after has no value for this channel");
		}
		return this.purgeAfter;
	}

}
