package dev.punchcard.bot.conversation;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Flow state in Redis: {@code chat:flow:<channel>:<user>} with the flow TTL, plus a
 * longer-lived marker {@code chat:flow-seen:...} that outlives it, so an expired flow can
 * be told apart from a stray message.
 */
class RedisConversationStates implements ConversationStates {

	private static final Duration MARKER_TTL = Duration.ofHours(24);

	private final ReactiveStringRedisTemplate redis;

	private final ObjectMapper json;

	private final Duration ttl;

	RedisConversationStates(ReactiveStringRedisTemplate redis, ObjectMapper json, Duration ttl) {
		this.redis = redis;
		this.json = json;
		this.ttl = ttl;
	}

	@Override
	public Mono<FlowState> get(ChatChannel channel, String userId) {
		return this.redis.opsForValue().get(key("flow", channel, userId)).flatMap(this::read);
	}

	@Override
	public Mono<Void> put(ChatChannel channel, String userId, FlowState state) {
		return Mono.fromCallable(() -> this.json.writeValueAsString(state))
			.flatMap((value) -> this.redis.opsForValue().set(key("flow", channel, userId), value, this.ttl))
			.then(this.redis.opsForValue().set(key("flow-seen", channel, userId), state.flow(), MARKER_TTL))
			.then();
	}

	@Override
	public Mono<Void> clear(ChatChannel channel, String userId) {
		return this.redis.delete(key("flow", channel, userId), key("flow-seen", channel, userId)).then();
	}

	@Override
	public Mono<String> takeExpired(ChatChannel channel, String userId) {
		return this.redis.opsForValue().getAndDelete(key("flow-seen", channel, userId));
	}

	private Mono<FlowState> read(String value) {
		try {
			return Mono.just(this.json.readValue(value, FlowState.class));
		}
		catch (JsonProcessingException ex) {
			// a state written by an older version: treat it as no state
			return Mono.empty();
		}
	}

	private static String key(String kind, ChatChannel channel, String userId) {
		return "chat:" + kind + ":" + channel.name().toLowerCase() + ":" + userId;
	}

}
