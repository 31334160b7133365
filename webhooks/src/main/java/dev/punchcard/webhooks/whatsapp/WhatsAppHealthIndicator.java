package dev.punchcard.webhooks.whatsapp;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;

/**
 * {@code whatsApp} in the overall health: UP while sending works, OUT_OF_SERVICE with
 * Meta's error once the account or token stopped it. Not part of readiness: purchases and
 * the other channel keep working, so a load balancer must keep routing to the instance.
 */
class WhatsAppHealthIndicator implements ReactiveHealthIndicator {

	private final WhatsAppAccount account;

	WhatsAppHealthIndicator(WhatsAppAccount account) {
		this.account = account;
	}

	@Override
	public Mono<Health> health() {
		WhatsAppAccount.Blocked blocked = this.account.blocked();
		if (blocked == null) {
			return Mono.just(Health.up().build());
		}
		return Mono.just(Health.outOfService()
			.withDetail("error", blocked.code())
			.withDetail("details", blocked.details())
			.withDetail("since", blocked.since().toString())
			.build());
	}

}
