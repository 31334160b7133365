package dev.punchcard.core.points.infrastructure;

import java.time.Clock;
import java.util.Currency;

import dev.punchcard.core.points.application.AdjustPoints;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.CheckLedger;
import dev.punchcard.core.points.application.ExpireMemberPoints;
import dev.punchcard.core.points.application.ExpirePoints;
import dev.punchcard.core.points.application.ExpiryLedger;
import dev.punchcard.core.points.application.NextExpiries;
import dev.punchcard.core.points.application.WarnOfExpiry;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EarningRule;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.points.domain.Tier;
import dev.punchcard.core.points.domain.TierPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
	ExpiryPolicy expiryPolicy(ExpiryProperties properties) {
		return new ExpiryPolicy(properties.after());
	}

	@Bean
	PointsLedger pointsLedger(DatabaseClient db, ExpiryPolicy expiry) {
		return new R2dbcPointsLedger(db, expiry);
	}

	@Bean
	ExpiryLedger expiryLedger(DatabaseClient db) {
		return new R2dbcExpiryLedger(db);
	}

	@Bean
	ExpireMemberPoints expireMemberPoints(PointsLedger ledger, ExpiryLedger expiries, Notifications notifications) {
		return new ExpireMemberPoints(ledger, expiries, notifications);
	}

	@Bean
	ExpirePoints expirePoints(ExpiryLedger expiries, ExpireMemberPoints member, Clock clock) {
		return new ExpirePoints(expiries, member, clock);
	}

	@Bean
	WarnOfExpiry warnOfExpiry(ExpiryLedger expiries, Notifications notifications, ExpiryProperties properties,
			Clock clock) {
		return new WarnOfExpiry(expiries, notifications, properties.warnBefore(), clock);
	}

	@Bean
	NextExpiries nextExpiries(ExpiryLedger expiries, Clock clock) {
		return new NextExpiries(expiries, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.points.expiry.scheduled", havingValue = "true", matchIfMissing = true)
	ExpirySchedule expirySchedule(WarnOfExpiry warn, ExpirePoints expire, ExpiryProperties properties) {
		return new ExpirySchedule(warn, expire, properties.checkEvery());
	}

	@Bean
	CheckLedger checkLedger(PointsLedger ledger, ExpiryLedger expiries, Clock clock) {
		return new CheckLedger(ledger, expiries, clock);
	}

	@Bean
	AdjustPoints adjustPoints(PointsLedger ledger, Clock clock) {
		return new AdjustPoints(ledger, clock);
	}

}
