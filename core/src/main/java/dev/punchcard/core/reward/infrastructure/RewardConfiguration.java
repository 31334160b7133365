package dev.punchcard.core.reward.infrastructure;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.reward.application.CancelVoucher;
import dev.punchcard.core.reward.application.HonourVoucher;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.application.Rewards;
import dev.punchcard.core.reward.application.Vouchers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class RewardConfiguration {

	@Bean
	Rewards rewards(DatabaseClient db) {
		return new R2dbcRewards(db);
	}

	@Bean
	Vouchers vouchers(DatabaseClient db) {
		return new R2dbcVouchers(db);
	}

	@Bean
	RewardCatalog rewardCatalog(Rewards rewards) {
		return new RewardCatalog(rewards);
	}

	@Bean
	RedeemReward redeemReward(Customers customers, Rewards rewards, Vouchers vouchers, PointsLedger ledger,
			Notifications notifications, CodeSigner codes, Clock clock) {
		return new RedeemReward(customers, rewards, vouchers, ledger, notifications,
				new RedeemReward.Issuer(codes, clock));
	}

	@Bean
	HonourVoucher honourVoucher(Vouchers vouchers, CodeSigner codes, Clock clock) {
		return new HonourVoucher(vouchers, codes, clock);
	}

	@Bean
	CancelVoucher cancelVoucher(Vouchers vouchers, Rewards rewards, PointsLedger ledger, Notifications notifications,
			CodeSigner codes, Clock clock) {
		return new CancelVoucher(vouchers, rewards, ledger, notifications, new RedeemReward.Issuer(codes, clock));
	}

}
