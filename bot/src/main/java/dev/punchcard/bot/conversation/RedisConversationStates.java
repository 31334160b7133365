package dev.punchcard.bot.conversation;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Flow state in Redis: {@code chat:flow:<channel>:<user>} with the flow TTL, plus a
 * longer-lived marker {@code chat:flow-seen:...} that outlives it, so an expired flow can
 * be told apart from a stray message; and {@code chat:choices:...}, the data of the last
 * reply's choices as a list, for numbered answers.
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

	@Override
	public Mono<Void> rememberChoices(ChatChannel channel, String userId, List<String> choices) {
		String key = key("choices", channel, userId);
		if (choices.isEmpty()) {
			return this.redis.delete(key).then();
		}
		return this.redis.delete(key)
			.then(this.redis.opsForList().rightPushAll(key, choices))
			.then(this.redis.expire(key, this.ttl))
			.then();
	}

	@Override
	public Mono<String> choice(ChatChannel channel, String userId, int number) {
		if (number < 1) {
			return Mono.empty();
		}
		return this.redis.opsForList().index(key("choices", channel, userId), number - 1L);
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
