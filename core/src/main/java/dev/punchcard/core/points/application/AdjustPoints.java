package dev.punchcard.core.points.application;

import java.time.Clock;

import dev.punchcard.core.points.application.AdjustmentOutcome.Adjusted;
import dev.punchcard.core.points.application.AdjustmentOutcome.AlreadyAdjusted;
import dev.punchcard.core.points.application.AdjustmentOutcome.UnknownCustomer;
import dev.punchcard.core.points.application.AdjustmentOutcome.WouldGoNegative;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * An administrator corrects a customer's points, with a mandatory reason, once per
 * adjustment key.
 */
public class AdjustPoints {

	static final String SOURCE_TYPE = "ADJUSTMENT";

	private final PointsLedger ledger;

	private final Clock clock;

	public AdjustPoints(PointsLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<AdjustmentOutcome> adjust(AdjustPointsCommand command) {
		return this.ledger.lockAccount(command.customerId())
			.flatMap((balance) -> adjustOnce(command, balance))
			.switchIfEmpty(Mono.fromSupplier(UnknownCustomer::new));
	}

	private Mono<AdjustmentOutcome> adjustOnce(AdjustPointsCommand command, Points balance) {
		return this.ledger.hasEntryFrom(SOURCE_TYPE, command.adjustmentKey())
			.flatMap((seen) -> seen ? Mono.just(new AlreadyAdjusted(command.adjustmentKey()))
					: append(command, balance));
	}

	private Mono<AdjustmentOutcome> append(AdjustPointsCommand command, Points balance) {
		LedgerEntry entry = new LedgerEntry(java.util.UUID.randomUUID(), command.customerId(), command.delta(),
				EntryKind.ADJUST, command.reason(), SOURCE_TYPE, command.adjustmentKey(), this.clock.instant(),
				command.staffUsername());
		return this.ledger.append(entry)
			.<AdjustmentOutcome>map((newBalance) -> new Adjusted(command.delta(), newBalance))
			.switchIfEmpty(Mono.fromSupplier(() -> new WouldGoNegative(balance)));
	}

}
