package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Broadcasts ({@code punchcard.broadcasts}).
 *
 * @param scheduled whether this instance runs the schedule (starting due broadcasts,
 * pausing those whose template cannot be sent, completing finished ones) and the catch-up
 * of early statuses
 * @param checkEvery how often the schedule runs on each instance
 * @param maxClaim the most recipients one claim may take (larger asks are cut to it)
 * @param maxLease the longest lease a claim may ask for
 * @param streamPage how many recipients a CSV download reads per query
 * @param maxPage the largest page of recipients the API answers
 * @param earlyStatusTtl how long a broadcast message's status that came before its send
 * was settled is kept for the settle (then it is forgotten)
 * @param earlyStatusCatchUp the job that applies the kept statuses a settle left and
 * forgets those past {@code earlyStatusTtl}
 */
@Validated
@ConfigurationProperties("punchcard.broadcasts")
public record BroadcastProperties(@DefaultValue("true") boolean scheduled,
		@DefaultValue("5s") @NotNull Duration checkEvery, @DefaultValue("1000") @Min(1) @Max(10000) int maxClaim,
		@DefaultValue("10m") @NotNull Duration maxLease, @DefaultValue("1000") @Min(1) @Max(10000) int streamPage,
		@DefaultValue("500") @Min(1) @Max(10000) int maxPage, @DefaultValue("1h") @NotNull Duration earlyStatusTtl,
		@DefaultValue @Valid EarlyStatusCatchUp earlyStatusCatchUp) {

	public BroadcastProperties {
		if (earlyStatusTtl.isNegative() || earlyStatusTtl.isZero()) {
			throw new IllegalArgumentException("punchcard.broadcasts.early-status-ttl must be positive");
		}
		if (earlyStatusCatchUp.every().compareTo(earlyStatusTtl) >= 0) {
			throw new IllegalArgumentException("punchcard.broadcasts.early-status-catch-up.every must be shorter than"
					+ " early-status-ttl, or a status the settle left is forgotten before any catch-up applies it");
		}
	}

	/**
	 * The catch-up of early statuses
	 * ({@code punchcard.broadcasts.early-status-catch-up}).
	 *
	 * @param scheduled whether this instance runs it (with {@code scheduled} of the
	 * broadcasts; each kept status is applied once across instances either way)
	 * @param every how often it runs on each instance
	 * @param batch the most kept statuses one statement applies (a run goes on while
	 * batches come back full)
	 */
	public record EarlyStatusCatchUp(@DefaultValue("true") boolean scheduled, @DefaultValue("30s") Duration every,
			@DefaultValue("1000") @Min(1) @Max(10000) int batch) {

		public EarlyStatusCatchUp {
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException("punchcard.broadcasts.early-status-catch-up.every must be positive");
			}
		}

	}

}
