package dev.punchcard.core.notification.application;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A member's notifications and how each one's delivery went. */
public interface NotificationHistory {

	/** One page of the member's notifications, newest first. */
	Flux<NotificationRecord> of(CustomerId customerId, int page, int size);

	/** How many notifications the member has. */
	Mono<Long> countOf(CustomerId customerId);

}
