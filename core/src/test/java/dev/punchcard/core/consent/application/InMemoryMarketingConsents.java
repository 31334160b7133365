package dev.punchcard.core.consent.application;

import java.util.HashMap;
import java.util.Map;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/** {@link MarketingConsents} in memory, with the R2DBC adapter's rules. */
public class InMemoryMarketingConsents implements MarketingConsents {

	private final Map<String, ConsentChange> latest = new HashMap<>();

	@Override
	public Mono<Boolean> record(ConsentChange change) {
		return Mono.fromSupplier(() -> {
			synchronized (this.latest) {
				String key = change.channel() + ":" + change.externalId();
				ConsentChange before = this.latest.get(key);
				boolean wasOut = before != null && before.optedOut();
				if (wasOut == change.optedOut() || (before != null && before.at().isAfter(change.at()))) {
					return false;
				}
				this.latest.put(key, change);
				return true;
			}
		});
	}

	@Override
	public Mono<Boolean> optedOut(ChatChannel channel, String externalId) {
		return Mono.fromSupplier(() -> {
			synchronized (this.latest) {
				ConsentChange change = this.latest.get(channel + ":" + externalId);
				return change != null && change.optedOut();
			}
		});
	}

	/** The source of the account's last change, or null. */
	public String sourceOf(ChatChannel channel, String externalId) {
		synchronized (this.latest) {
			ConsentChange change = this.latest.get(channel + ":" + externalId);
			return (change != null) ? change.source() : null;
		}
	}

}
