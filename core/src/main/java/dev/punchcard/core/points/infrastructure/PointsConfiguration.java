package dev.punchcard.core.points.infrastructure;

import java.time.Clock;
import java.util.Currency;

import dev.punchcard.core.points.application.AdjustPoints;
import dev.punchcard.core.points.application.CheckLedger;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EarningRule;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.points.domain.Tier;
import dev.punchcard.core.points.domain.TierPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PointsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LoyaltyProgram loyaltyProgram(ProgramProperties properties) {
		TierPolicy tiers = new TierPolicy(properties.tiers()
			.stream()
			.map((tier) -> new Tier(tier.name(), tier.thresholdMinor(), tier.multiplierPercent()))
			.toList(), properties.tierWindow());
		return new LoyaltyProgram(Currency.getInstance(properties.currency()),
				new EarningRule(properties.pointsPerUnit()), tiers);
	}

	@Bean
	PointsLedger pointsLedger(DatabaseClient db) {
		return new R2dbcPointsLedger(db);
	}

	@Bean
	CheckLedger checkLedger(PointsLedger ledger, Clock clock) {
		return new CheckLedger(ledger, clock);
	}

	@Bean
	AdjustPoints adjustPoints(PointsLedger ledger, Clock clock) {
		return new AdjustPoints(ledger, clock);
	}

}
