package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Segments ({@code punchcard.segments}).
 *
 * @param languages the language tags a segment may ask for (the languages members use)
 * @param scores how RFM classes and churn risks are recomputed
 */
@Validated
@ConfigurationProperties("punchcard.segments")
public record SegmentProperties(@DefaultValue( {
		"en", "ru" }) @NotEmpty List<@NotNull @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String> languages,
		@DefaultValue @Valid @NotNull Scores scores){

	/**
	 * The recompute of customer scores.
	 *
	 * @param scheduled whether the schedule runs (on demand works either way)
	 * @param interval one scheduled recompute per interval, across all instances; periods
	 * start at multiples of it since the epoch (a day: midnight UTC)
	 * @param checkEvery how often each instance looks whether the current period's run is
	 * due
	 * @param defaultGap the usual gap between purchases assumed for members with a single
	 * purchase, for their churn risk
	 */
	public record Scores(@DefaultValue("true") boolean scheduled, @DefaultValue("1d") @NotNull Duration interval,
			@DefaultValue("5m") @NotNull Duration checkEvery, @DefaultValue("30d") @NotNull Duration defaultGap) {

	}

}
