package dev.punchcard.core.leaderboard.infrastructure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The weekly top-10 bonus and the leaderboard ({@code punchcard.leaderboard}).
 *
 * @param scheduled whether this instance runs the schedule that awards closed weeks (each
 * week is awarded once across instances either way)
 * @param closeDay the day weeks close
 * @param closeTime the local time they close, {@code HH:mm}
 * @param timeZone the IANA zone both are read in; empty: the program's
 * ({@code punchcard.program.time-zone})
 * @param prizes the points of places 1, 2, …: as many places win as there are amounts
 * @param checkEvery how often each instance looks for closed weeks to award
 */
@Validated
@ConfigurationProperties("punchcard.leaderboard")
public record LeaderboardProperties(@DefaultValue("true") boolean scheduled,
		@DefaultValue("SUNDAY") @NotNull DayOfWeek closeDay,
		@DefaultValue("23:59") @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String closeTime,
		@DefaultValue("") @NotNull @Pattern(regexp = "|UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2}") String timeZone,
		@DefaultValue( {
				"500", "300", "200", "100", "100", "100", "100", "100", "100", "100" }) @NotEmpty @Size(
						max = 100) List<@NotNull @Positive Long> prizes,
		@DefaultValue("1m") @NotNull Duration checkEvery){

}
