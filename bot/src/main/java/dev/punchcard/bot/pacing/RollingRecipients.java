package dev.punchcard.bot.pacing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * How many distinct recipients were messaged within a rolling window, counted in Redis
 * for all instances together, with a cap: a platform limit such as WhatsApp's messaging
 * limit (unique users reached outside the 24-hour window per rolling 24 h). Each key is a
 * sorted set of recipients scored by the time they were last messaged; one script call
 * drops those older than the window, then admits a recipient already counted, or a new
 * one while the cap is not reached.
 */
public final class RollingRecipients {

	/**
	 * KEYS[1]: the set; ARGV: the recipient, the cap, the window (ms). Emits 0 when
	 * admitted (and counted), else the ms until the oldest recipient leaves the window.
	 */
	private static final String SCRIPT = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local window = tonumber(ARGV[3])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
			if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
			  redis.call('ZADD', KEYS[1], now, ARGV[1])
			  redis.call('PEXPIRE', KEYS[1], window)
			  return 0
			end
			local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(1, tonumber(oldest[2]) + window - now)
			""";

	private final RedisReactiveCommands<String, byte[]> redis;

	private final String sha;

	public RollingRecipients(StatefulRedisConnection<String, byte[]> connection) {
		this.redis = connection.reactive();
		this.sha = connection.sync().digest(SCRIPT);
	}

	/**
	 * Emits {@link Duration#ZERO} when {@code recipient} may be messaged (now counted for
	 * the window from now), else how long until a place frees (nothing counted).
	 */
	public Mono<Duration> admit(String key, String recipient, long cap, Duration window) {
		String[] keys = { key };
		byte[][] arguments = { recipient.getBytes(StandardCharsets.UTF_8), number(cap), number(window.toMillis()) };
		return this.redis.<Long>evalsha(this.sha, ScriptOutputType.INTEGER, keys, arguments)
			.single()
			.onErrorResume(RedisNoScriptException.class,
					(notLoaded) -> this.redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, arguments).single())
			.map(Duration::ofMillis);
	}

	private static byte[] number(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

}
