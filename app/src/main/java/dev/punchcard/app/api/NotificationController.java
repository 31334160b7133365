package dev.punchcard.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.notification.application.NotificationHistory;
import dev.punchcard.core.notification.application.NotificationRecord;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A member's notifications, newest first: what each told, where it went, and for one that
 * could not be delivered, why.
 */
@RestController
@RequestMapping("/api/v1/customers/{id}/notifications")
class NotificationController {

	private final Customers customers;

	private final NotificationHistory history;

	NotificationController(Customers customers, NotificationHistory history) {
		this.customers = customers;
		this.history = history;
	}

	@GetMapping
	Mono<ResponseEntity<Object>> notifications(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Optional<PageRequest> paging = PageRequest.of(page, size);
		if (paging.isEmpty()) {
			return Mono.just(PageRequest.invalid());
		}
		CustomerId customer = new CustomerId(id);
		return this.customers.findById(customer)
			.flatMap((found) -> Mono
				.zip(this.history.of(customer, page, size).map(NotificationResponse::of).collectList(),
						this.history.countOf(customer))
				.map((notifications) -> ResponseEntity.ok()
					.<Object>body(new NotificationPage(page, size, notifications.getT2(), notifications.getT1()))))
			.switchIfEmpty(Mono.fromSupplier(() -> CustomerController.unknown(id)));
	}

	record NotificationResponse(String id, String kind, String status, @Nullable String channel, int attempts,
			@Nullable String error, Instant createdAt, @Nullable Instant sentAt) {

		static NotificationResponse of(NotificationRecord record) {
			return new NotificationResponse(record.id().toString(), record.kind(), record.status(),
					(record.channel() != null) ? record.channel().name() : null, record.attempts(), record.lastError(),
					record.createdAt(), record.sentAt());
		}

	}

	record NotificationPage(int page, int size, long totalNotifications, List<NotificationResponse> notifications) {
	}

}
