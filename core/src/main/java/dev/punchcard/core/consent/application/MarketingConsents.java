package dev.punchcard.core.consent.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Who opted out of marketing messages on which channel, with when and how they last
 * changed their mind. An account never recorded takes them (it joined the program).
 */
public interface MarketingConsents {

	/**
	 * Records the change unless a later one is recorded already; emits whether the
	 * account's consent changed (opting out twice changes it once).
	 */
	Mono<Boolean> record(ConsentChange change);

	/** Whether the account opted out of marketing messages on the channel. */
	Mono<Boolean> optedOut(ChatChannel channel, String externalId);

}
