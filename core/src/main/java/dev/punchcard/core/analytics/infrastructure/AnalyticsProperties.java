package dev.punchcard.core.analytics.infrastructure;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Analytics ({@code punchcard.analytics}).
 *
 * @param pointValueMinor what one outstanding point is worth, in minor units of the
 * program's currency (fractions allowed, e.g. {@code 0.5}): the points liability
 * @param scheduled whether this instance runs the rollup job (each window is rolled up
 * once across instances either way)
 * @param rollupEvery how often the job runs
 * @param rollupLag how far behind now the watermark stays, so transactions still in
 * flight are never skipped; reports read rows after the watermark raw, so they are never
 * stale
 */
@Validated
@ConfigurationProperties("punchcard.analytics")
public record AnalyticsProperties(
		@DefaultValue("1") @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 6) BigDecimal pointValueMinor,
		@DefaultValue("true") boolean scheduled, @DefaultValue("1m") @NotNull Duration rollupEvery,
		@DefaultValue("1m") @NotNull Duration rollupLag) {
}
