package dev.punchcard.core.points.domain;

import java.time.Duration;
import java.util.Currency;
import java.util.List;

/**
 * The program of {@code config/application.yml}: EUR, one point per euro, BRONZE from 0,
 * SILVER (×1.25) from 500 EUR, GOLD (×1.5) from 2,000 EUR of net spend over 365 days.
 */
public final class ProgramFixture {

	public static final String BRONZE = "BRONZE";

	public static final String SILVER = "SILVER";

	public static final String GOLD = "GOLD";

	public static final long SILVER_FROM_MINOR = 500_00;

	public static final long GOLD_FROM_MINOR = 2_000_00;

	public static final Duration WINDOW = Duration.ofDays(365);

	private ProgramFixture() {
	}

	public static LoyaltyProgram program() {
		return new LoyaltyProgram(Currency.getInstance("EUR"), new EarningRule(1), tiers());
	}

	public static TierPolicy tiers() {
		return new TierPolicy(List.of(new Tier(BRONZE, 0, 100), new Tier(SILVER, SILVER_FROM_MINOR, 125),
				new Tier(GOLD, GOLD_FROM_MINOR, 150)), WINDOW);
	}

}
