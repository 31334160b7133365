package dev.punchcard.core.reward.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.reward.application.Vouchers;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.VoucherId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcVouchers implements Vouchers {

	private static final String COLUMNS = "id, serial, customer_id, reward_id, cost_points, status, request_key, "
			+ "issued_at, honoured_at";

	private final DatabaseClient db;

	R2dbcVouchers(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Voucher> insert(Voucher voucher) {
		return this.db.sql("""
				INSERT INTO vouchers (id, serial, customer_id, reward_id, cost_points, status, request_key, issued_at)
				VALUES (:id, :serial, :customerId, :rewardId, :cost, :status, :requestKey, :issuedAt)
				""")
			.bind("id", voucher.id().value())
			.bind("serial", voucher.serial())
			.bind("customerId", voucher.customerId().value())
			.bind("rewardId", voucher.rewardId().value())
			.bind("cost", voucher.costPoints())
			.bind("status", voucher.status().name())
			.bind("requestKey", Parameter.fromOrEmpty(voucher.requestKey(), String.class))
			.bind("issuedAt", voucher.issuedAt().atOffset(ZoneOffset.UTC))
			.then()
			.thenReturn(voucher);
	}

	@Override
	public Mono<Voucher> findBySerial(long serial) {
		return this.db.sql("SELECT " + COLUMNS + " FROM vouchers WHERE serial = :serial")
			.bind("serial", serial)
			.map(R2dbcVouchers::voucher)
			.one();
	}

	@Override
	public Flux<Voucher> ofCustomer(CustomerId customerId, int page, int size) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM vouchers WHERE customer_id = :customerId "
					+ "ORDER BY issued_at DESC, serial DESC LIMIT :size OFFSET :offset")
			.bind("customerId", customerId.value())
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map(R2dbcVouchers::voucher)
			.all();
	}

	@Override
	public Mono<Voucher> findByRequestKey(CustomerId customerId, String requestKey) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM vouchers WHERE customer_id = :customerId AND request_key = :key")
			.bind("customerId", customerId.value())
			.bind("key", requestKey)
			.map(R2dbcVouchers::voucher)
			.one();
	}

	@Override
	public Mono<Voucher> markHonoured(long serial, StaffId by, Instant at) {
		return this.db
			.sql("UPDATE vouchers SET status = 'HONOURED', honoured_at = :at, honoured_by = :by "
					+ "WHERE serial = :serial AND status = 'ISSUED' RETURNING " + COLUMNS)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("by", by.value())
			.bind("serial", serial)
			.map(R2dbcVouchers::voucher)
			.one();
	}

	@Override
	public Mono<Voucher> markCancelled(long serial, Instant at) {
		return this.db
			.sql("UPDATE vouchers SET status = 'CANCELLED', cancelled_at = :at "
					+ "WHERE serial = :serial AND status = 'ISSUED' RETURNING " + COLUMNS)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("serial", serial)
			.map(R2dbcVouchers::voucher)
			.one();
	}

	private static Voucher voucher(Readable row) {
		OffsetDateTime honoured = row.get("honoured_at", OffsetDateTime.class);
		return new Voucher(new VoucherId(row.get("id", UUID.class)), row.get("serial", Long.class),
				new CustomerId(row.get("customer_id", UUID.class)), new RewardId(row.get("reward_id", UUID.class)),
				row.get("cost_points", Long.class), VoucherStatus.valueOf(row.get("status", String.class)),
				row.get("request_key", String.class), row.get("issued_at", OffsetDateTime.class).toInstant(),
				honoured == null ? null : honoured.toInstant());
	}

}
