package dev.punchcard.bot.telegram;

import dev.punchcard.bot.pacing.SendPacing;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps sends within a per-chat and a global rate without blocking: a send waits (on the
 * scheduler's timer) until both allow it, or fails with {@link SendBacklogException} when
 * that wait would exceed {@code maxWait}. Limits hold per instance.
 */
final class SendRateLimiter implements SendPacing {

	private static final int FORGET_IDLE_CHATS_ABOVE = 10_000;

	private final TelegramProperties.RateLimits limits;

	private final Scheduler scheduler;

	private final SendSchedule global;

	private final Map<String, SendSchedule> chats = new ConcurrentHashMap<>();

	SendRateLimiter(TelegramProperties.RateLimits limits, Scheduler scheduler) {
		this.limits = limits;
		this.scheduler = scheduler;
		this.global = new SendSchedule(limits.globalPerSecond(), limits.globalBurst(), now());
	}

	/** Completes when one message may be sent to the chat. */
	@Override
	public Mono<Void> awaitTurn(String chatId) {
		return Mono.defer(() -> {
			long wait = reserve(chatId);
			return (wait == 0) ? Mono.empty() : Mono.delay(Duration.ofNanos(wait), this.scheduler).then();
		});
	}

	private long reserve(String chatId) {
		long now = now();
		forgetIdleChats(now);
		SendSchedule chat = this.chats.computeIfAbsent(chatId,
				(id) -> new SendSchedule(this.limits.perChatPerSecond(), this.limits.perChatBurst(), now));
		// both slots are taken from now: reserving the global one at a busy chat's later
		// start would push every other chat back with it
		long wait = Math.max(chat.reserve(now), this.global.reserve(now)) - now;
		if (wait > this.limits.maxWait().toNanos()) {
			chat.release();
			this.global.release();
			throw new SendBacklogException(chatId, Duration.ofNanos(wait));
		}
		return Math.max(0, wait);
	}

	private void forgetIdleChats(long now) {
		if (this.chats.size() > FORGET_IDLE_CHATS_ABOVE) {
			this.chats.values().removeIf((schedule) -> schedule.idleAt(now));
		}
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

	/** Too many messages are already waiting for this chat or for all chats. */
	static final class SendBacklogException extends RuntimeException {

		SendBacklogException(String chatId, Duration wait) {
			super("sending to chat " + chatId + " would wait " + wait.toMillis() + " ms");
		}

	}

}
