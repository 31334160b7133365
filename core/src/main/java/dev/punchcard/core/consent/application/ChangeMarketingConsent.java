package dev.punchcard.core.consent.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * A chat account stops marketing messages on its channel ({@code STOP}, or WhatsApp's own
 * setting), or resumes them. Only promotions stop: the member is still told about their
 * own purchases, points and vouchers.
 */
public class ChangeMarketingConsent {

	private final MarketingConsents consents;

	private final Clock clock;

	public ChangeMarketingConsent(MarketingConsents consents, Clock clock) {
		this.consents = consents;
		this.clock = clock;
	}

	/** Stops marketing messages now; emits whether they were not stopped before. */
	public Mono<Boolean> optOut(ChatChannel channel, String externalId, String source) {
		return optOut(channel, externalId, source, this.clock.instant());
	}

	/**
	 * Stops marketing messages as asked for at {@code at} (a platform's event time); a
	 * later change recorded already wins.
	 */
	public Mono<Boolean> optOut(ChatChannel channel, String externalId, String source, Instant at) {
		return this.consents.record(new ConsentChange(channel, externalId, true, source, at));
	}

	/** Resumes marketing messages now; emits whether they were stopped before. */
	public Mono<Boolean> optIn(ChatChannel channel, String externalId, String source) {
		return optIn(channel, externalId, source, this.clock.instant());
	}

	/** Resumes marketing messages as asked for at {@code at}. */
	public Mono<Boolean> optIn(ChatChannel channel, String externalId, String source, Instant at) {
		return this.consents.record(new ConsentChange(channel, externalId, false, source, at));
	}

}
