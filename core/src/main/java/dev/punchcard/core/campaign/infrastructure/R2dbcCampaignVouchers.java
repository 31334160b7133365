package dev.punchcard.core.campaign.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.campaign.application.CampaignVouchers;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.VoucherId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link CampaignVouchers} as rows of {@code vouchers} with a {@code campaign_key}: the
 * unique (campaign key, customer) constraint keeps it to one per campaign and member, and
 * the cost check to 0 points.
 */
class R2dbcCampaignVouchers implements CampaignVouchers {

	private static final String COLUMNS = "id, serial, customer_id, reward_id, cost_points, status, request_key, "
			+ "issued_at, honoured_at";

	private final DatabaseClient db;

	R2dbcCampaignVouchers(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Voucher> insert(String campaignKey, Voucher voucher) {
		return this.db.sql("""
				INSERT INTO vouchers (id, serial, customer_id, reward_id, cost_points, status, campaign_key, issued_at)
				VALUES (:id, :serial, :customerId, :rewardId, 0, 'ISSUED', :campaignKey, :issuedAt)
				ON CONFLICT (campaign_key, customer_id) DO NOTHING
				RETURNING\s""" + COLUMNS)
			.bind("id", voucher.id().value())
			.bind("serial", voucher.serial())
			.bind("customerId", voucher.customerId().value())
			.bind("rewardId", voucher.rewardId().value())
			.bind("campaignKey", campaignKey)
			.bind("issuedAt", voucher.issuedAt().atOffset(ZoneOffset.UTC))
			.map(R2dbcCampaignVouchers::voucher)
			.one();
	}

	@Override
	public Mono<Voucher> find(String campaignKey, CustomerId customerId) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM vouchers WHERE campaign_key = :campaignKey AND customer_id = :customerId")
			.bind("campaignKey", campaignKey)
			.bind("customerId", customerId.value())
			.map(R2dbcCampaignVouchers::voucher)
			.one();
	}

	private static Voucher voucher(Readable row) {
		OffsetDateTime honoured = row.get("honoured_at", OffsetDateTime.class);
		return new Voucher(new VoucherId(row.get("id", UUID.class)), row.get("serial", Long.class),
				new CustomerId(row.get("customer_id", UUID.class)), new RewardId(row.get("reward_id", UUID.class)),
				row.get("cost_points", Long.class), VoucherStatus.valueOf(row.get("status", String.class)),
				row.get("request_key", String.class), row.get("issued_at", OffsetDateTime.class).toInstant(),
				(honoured == null) ? null : honoured.toInstant());
	}

}
