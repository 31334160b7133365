package dev.punchcard.bot.notify;

import java.time.Clock;

import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Records in the core when a platform says a user blocked or unblocked the bot. */
@Component
class CoreReachability implements ReachabilityListener {

	private final ChatIdentities identities;

	private final Clock clock;

	CoreReachability(ChatIdentities identities, Clock clock) {
		this.identities = identities;
		this.clock = clock;
	}

	@Override
	public Mono<Void> reachable(ChatChannel channel, String userId, boolean reachable) {
		return this.identities.setReachable(channel, userId, reachable, this.clock.instant());
	}

}
