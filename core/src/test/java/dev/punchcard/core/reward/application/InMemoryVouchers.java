package dev.punchcard.core.reward.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issued vouchers in memory, with the guarantees of {@code R2dbcVouchers} and the
 * {@code vouchers} table: serials are unique, a customer's request key issues one voucher
 * (a second insert errors), and a voucher leaves status ISSUED once, either honoured or
 * cancelled. Work happens on subscription, one operation at a time.
 */
public class InMemoryVouchers implements Vouchers {

	private final Map<Long, Voucher> bySerial = new LinkedHashMap<>();

	private final Map<Long, StaffId> honouredBy = new HashMap<>();

	private final Map<Long, Instant> cancelledAt = new HashMap<>();

	@Override
	public Mono<Voucher> insert(Voucher voucher) {
		return Mono.fromSupplier(() -> insertNow(voucher));
	}

	@Override
	public Mono<Voucher> findBySerial(long serial) {
		return Mono.fromSupplier(() -> find(serial));
	}

	@Override
	public Flux<Voucher> ofCustomer(CustomerId customerId, int page, int size) {
		return Flux.defer(() -> Flux.fromIterable(ofCustomerNow(customerId))).skip((long) page * size).take(size);
	}

	private synchronized java.util.List<Voucher> ofCustomerNow(CustomerId customerId) {
		return this.bySerial.values()
			.stream()
			.filter((voucher) -> voucher.customerId().equals(customerId))
			.sorted(java.util.Comparator.comparing(Voucher::issuedAt).thenComparing(Voucher::serial).reversed())
			.toList();
	}

	@Override
	public Mono<Voucher> findByRequestKey(CustomerId customerId, String requestKey) {
		return Mono.fromSupplier(() -> findByRequestKeyNow(customerId, requestKey));
	}

	@Override
	public Mono<Voucher> markHonoured(long serial, StaffId by, Instant at) {
		return Mono.fromSupplier(() -> markHonouredNow(serial, by, at));
	}

	@Override
	public Mono<Voucher> markCancelled(long serial, Instant at) {
		return Mono.fromSupplier(() -> markCancelledNow(serial, at));
	}

	/** The voucher with this serial as stored now, or null. */
	public synchronized @Nullable Voucher find(long serial) {
		return this.bySerial.get(serial);
	}

	/** The customer's vouchers in the order they were issued. */
	public synchronized List<Voucher> vouchersOf(CustomerId customerId) {
		return this.bySerial.values().stream().filter((voucher) -> voucher.customerId().equals(customerId)).toList();
	}

	/** Who honoured the voucher, or null. */
	public synchronized @Nullable StaffId honouredBy(long serial) {
		return this.honouredBy.get(serial);
	}

	/** When the voucher was cancelled, or null. */
	public synchronized @Nullable Instant cancelledAt(long serial) {
		return this.cancelledAt.get(serial);
	}

	private synchronized Voucher insertNow(Voucher voucher) {
		if (voucher.costPoints() <= 0) {
			throw new DataIntegrityViolationException("vouchers_cost_check");
		}
		if (this.bySerial.values().stream().anyMatch((known) -> known.id().equals(voucher.id()))) {
			throw new DuplicateKeyException("vouchers_pkey");
		}
		if (this.bySerial.containsKey(voucher.serial())) {
			throw new DuplicateKeyException("vouchers_serial_key");
		}
		if (voucher.requestKey() != null && findByRequestKeyNow(voucher.customerId(), voucher.requestKey()) != null) {
			throw new DuplicateKeyException("vouchers_customer_request_key");
		}
		this.bySerial.put(voucher.serial(), voucher);
		return voucher;
	}

	private synchronized @Nullable Voucher findByRequestKeyNow(CustomerId customerId, String requestKey) {
		return this.bySerial.values()
			.stream()
			.filter((voucher) -> voucher.customerId().equals(customerId)
					&& Objects.equals(voucher.requestKey(), requestKey))
			.findFirst()
			.orElse(null);
	}

	private synchronized @Nullable Voucher markHonouredNow(long serial, StaffId by, Instant at) {
		Voucher voucher = leaveIssued(serial, VoucherStatus.HONOURED, at);
		if (voucher != null) {
			this.honouredBy.put(serial, by);
		}
		return voucher;
	}

	private synchronized @Nullable Voucher markCancelledNow(long serial, Instant at) {
		Voucher voucher = leaveIssued(serial, VoucherStatus.CANCELLED, null);
		if (voucher != null) {
			this.cancelledAt.put(serial, at);
		}
		return voucher;
	}

	// UPDATE ... WHERE serial = :serial AND status = 'ISSUED' RETURNING ...
	private synchronized @Nullable Voucher leaveIssued(long serial, VoucherStatus status,
			@Nullable Instant honouredAt) {
		Voucher known = this.bySerial.get(serial);
		if (known == null || known.status() != VoucherStatus.ISSUED) {
			return null;
		}
		Voucher changed = new Voucher(known.id(), known.serial(), known.customerId(), known.rewardId(),
				known.costPoints(), status, known.requestKey(), known.issuedAt(), honouredAt);
		this.bySerial.put(serial, changed);
		return changed;
	}

}
