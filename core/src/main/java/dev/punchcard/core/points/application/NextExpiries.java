package dev.punchcard.core.points.application;

import java.time.Clock;

import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/** The next points of a member to expire, as {@code /profile} and the API show them. */
public class NextExpiries {

	private final ExpiryLedger expiries;

	private final Clock clock;

	public NextExpiries(ExpiryLedger expiries, Clock clock) {
		this.expiries = expiries;
		this.clock = clock;
	}

	/**
	 * Emits how many points expire next and when, or completes empty when none of the
	 * member's points will expire.
	 */
	public Mono<DueExpiry> of(CustomerId customerId) {
		return this.expiries.lotsOf(customerId)
			.flatMap((lots) -> Mono.justOrEmpty(lots.nextAfter(this.clock.instant())));
	}

}
