package dev.punchcard.core.purchase.infrastructure;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseFollowUps;
import dev.punchcard.core.purchase.application.PurchaseParties;
import dev.punchcard.core.purchase.application.ReferralBonus;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.purchase.application.Purchases;
import dev.punchcard.core.purchase.application.PurchaseAccounts;
import dev.punchcard.core.purchase.application.RecordHistoricalPurchase;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseUnderLock;
import dev.punchcard.core.purchase.application.RefundPurchase;
import dev.punchcard.core.purchase.application.TierReview;
import dev.punchcard.core.store.application.Stores;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PurchaseConfiguration {

	@Bean
	Purchases purchases(DatabaseClient db) {
		return new R2dbcPurchases(db);
	}

	@Bean
	PurchaseParties purchaseParties(CodeSigner codes, Customers customers, Stores stores) {
		return new PurchaseParties(codes, customers, stores);
	}

	@Bean
	TierReview tierReview(Purchases purchases, Customers customers, LoyaltyProgram program) {
		return new TierReview(purchases, customers, program.tiers());
	}

	@Bean
	ReferralBonus referralBonus(Customers customers, PointsLedger ledger, Notifications notifications,
			@Value("${punchcard.program.referral-bonus-points:50}") long bonus) {
		return new ReferralBonus(customers, ledger, notifications, Points.of(bonus));
	}

	@Bean
	PurchaseFollowUps purchaseFollowUps(TierReview tierReview, ReferralBonus referralBonus,
			Notifications notifications) {
		return new PurchaseFollowUps(tierReview, referralBonus, notifications);
	}

	@Bean
	PurchaseAccounts purchaseAccounts(DatabaseClient db, ObjectMapper json, ExpiryPolicy expiry) {
		return new R2dbcPurchaseAccounts(db, json, expiry);
	}

	@Bean
	RecordPurchaseUnderLock recordPurchaseUnderLock(PurchaseParties parties, Purchases purchases, PointsLedger ledger,
			PurchaseFollowUps followUps, LoyaltyProgram program, Clock clock) {
		return new RecordPurchaseUnderLock(parties, purchases, ledger, followUps, program, clock);
	}

	@Bean
	RecordPurchase recordPurchase(PurchaseParties parties, PurchaseAccounts accounts, RecordPurchaseUnderLock underLock,
			LoyaltyProgram program, Clock clock) {
		return new RecordPurchase(parties, accounts, underLock, program, clock);
	}

	@Bean
	RecordHistoricalPurchase recordHistoricalPurchase(PurchaseParties parties, PurchaseAccounts accounts,
			Purchases purchases, LoyaltyProgram program, Clock clock) {
		return new RecordHistoricalPurchase(parties, accounts, purchases, program, clock);
	}

	@Bean
	RefundPurchase refundPurchase(Purchases purchases, PointsLedger ledger, TierReview tierReview,
			Notifications notifications, Clock clock) {
		return new RefundPurchase(purchases, ledger, tierReview, notifications, clock);
	}

}
