package dev.punchcard.core.points.infrastructure;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Points expiry ({@code punchcard.points.expiry}).
 *
 * @param after how long points last after the day they were earned (e.g. {@code 12m} or
 * {@code P1Y}); unset: never. A change applies to points earned from then on.
 * @param warnBefore how long before their points expire members are told
 * @param scheduled whether this instance runs the warnings and the expiry
 * @param checkEvery how often each instance looks for points due (each lot is expired and
 * each warning queued once, however many instances look)
 */
@Validated
@ConfigurationProperties("punchcard.points.expiry")
public record ExpiryProperties(@Nullable Period after, @DefaultValue("30d") @NotNull Duration warnBefore,
		@DefaultValue("true") boolean scheduled, @DefaultValue("1h") @NotNull Duration checkEvery) {

}
