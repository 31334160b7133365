package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;

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
 * pausing those whose template cannot be sent, completing finished ones)
 * @param checkEvery how often the schedule runs on each instance
 * @param maxClaim the most recipients one claim may take (larger asks are cut to it)
 * @param maxLease the longest lease a claim may ask for
 * @param streamPage how many recipients a CSV download reads per query
 * @param maxPage the largest page of recipients the API answers
 * @param earlyStatusTtl how long a broadcast message's status that came before its send
 * was settled is kept for the settle (then it is forgotten)
 */
@Validated
@ConfigurationProperties("punchcard.broadcasts")
public record BroadcastProperties(@DefaultValue("true") boolean scheduled,
		@DefaultValue("5s") @NotNull Duration checkEvery, @DefaultValue("1000") @Min(1) @Max(10000) int maxClaim,
		@DefaultValue("10m") @NotNull Duration maxLease, @DefaultValue("1000") @Min(1) @Max(10000) int streamPage,
		@DefaultValue("500") @Min(1) @Max(10000) int maxPage, @DefaultValue("1h") @NotNull Duration earlyStatusTtl) {

}
