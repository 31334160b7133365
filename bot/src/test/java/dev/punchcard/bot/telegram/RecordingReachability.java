package dev.punchcard.bot.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/** Remembers every reachability change as {@code "<channel> <user> <reachable>"}. */
class RecordingReachability implements ReachabilityListener {

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@Override
	public Mono<Void> reachable(ChatChannel channel, String userId, boolean reachable) {
		return Mono.fromRunnable(() -> this.changes.add(channel + " " + userId + " " + reachable));
	}

	List<String> changes() {
		return List.copyOf(this.changes);
	}

}
