package dev.punchcard.core.points.infrastructure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The loyalty program ({@code punchcard.program}).
 *
 * @param currency ISO 4217 code of the one currency purchases are recorded in
 * @param pointsPerUnit points per whole currency unit (before the tier multiplier)
 * @param phoneRegion ISO 3166 region for phone numbers written without a country code
 * @param tierWindow rolling window of net spend that decides the tier
 * @param tiers tiers; the lowest must start at 0
 * @param timeZone the program's time zone: where its days and weeks begin and end (UTC
 * unless set)
 */
@Validated
@ConfigurationProperties("punchcard.program")
public record ProgramProperties(@NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		@Min(0) @Max(1000) long pointsPerUnit, @NotNull @Pattern(regexp = "[A-Z]{2}") String phoneRegion,
		@NotNull Duration tierWindow, @NotEmpty List<@Valid TierProperties> tiers,
		@DefaultValue("UTC") @NotNull ZoneId timeZone) {

	/**
	 * One tier.
	 *
	 * @param name upper-case name
	 * @param thresholdMinor net spend from which it applies, in minor units
	 * @param multiplierPercent points multiplier in percent
	 */
	public record TierProperties(@NotNull String name, @Min(0) long thresholdMinor,
			@Min(100) @Max(1000) int multiplierPercent) {
	}

}
