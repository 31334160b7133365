package dev.punchcard.bot.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Broadcast messages by id, and what was reported of them. */
public class InMemoryBroadcastTracking implements BroadcastTracking {

	/** A status as reported. */
	public record Status(ChatChannel channel, String messageId, Delivery state, Instant at, @Nullable String code,
			@Nullable String reason) {
	}

	/** A button as reported. */
	public record Button(ChatChannel channel, String messageId, String button) {
	}

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final List<Status> statuses = new CopyOnWriteArrayList<>();

	private final List<Button> buttons = new CopyOnWriteArrayList<>();

	/** Makes the message a broadcast's. */
	public void sent(ChatChannel channel, String messageId) {
		this.known.add(channel + "/" + messageId);
	}

	@Override
	public Mono<Boolean> recordStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		return Mono.fromSupplier(() -> {
			boolean ours = this.known.contains(channel + "/" + messageId);
			if (ours) {
				this.statuses.add(new Status(channel, messageId, state, at, code, reason));
			}
			return ours;
		});
	}

	/** Records the status whether the message is known yet or not (kept early). */
	@Override
	public Mono<Boolean> recordBroadcastStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		return Mono.fromSupplier(() -> {
			this.statuses.add(new Status(channel, messageId, state, at, code, reason));
			return true;
		});
	}

	@Override
	public Mono<Boolean> recordButton(ChatChannel channel, String messageId, String button) {
		return Mono.fromSupplier(() -> {
			boolean ours = this.known.contains(channel + "/" + messageId);
			if (ours) {
				this.buttons.add(new Button(channel, messageId, button));
			}
			return ours;
		});
	}

	public List<Status> statuses() {
		return List.copyOf(this.statuses);
	}

	public List<Button> buttons() {
		return List.copyOf(this.buttons);
	}

}
