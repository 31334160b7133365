package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The business portfolio's messaging level now, shared by all instances in Redis: the
 * configured level until WhatsApp's {@code phone_number_quality_update} webhook names
 * another (an upgrade as the business grows, a downgrade for low quality). The newest
 * change wins whatever order the webhooks arrive in. Every template send outside the
 * window asks, so the level is read through a short local cache: another instance's
 * change is seen within {@link #FRESH}.
 */
final class PortfolioLevel {

	/** How long an instance keeps the level it read. */
	static final Duration FRESH = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(PortfolioLevel.class);

	/** Keeps the level of the newer change: "millis:LEVEL". */
	private static final RedisScript<Long> KEEP_NEWER = RedisScript.of("""
			local stored = redis.call('GET', KEYS[1])
			local at = stored and tonumber(string.match(stored, '^(%d+):')) or -1
			if tonumber(ARGV[1]) > at then
			  redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	private final WhatsAppProperties.MessagingLevel configured;

	private final AtomicReference<Mono<WhatsAppProperties.MessagingLevel>> cached = new AtomicReference<>();

	/**
	 * @param portfolio the business portfolio's id (or the number's, with one number)
	 * @param configured the level until WhatsApp names one
	 */
	PortfolioLevel(ReactiveStringRedisTemplate redis, String portfolio, WhatsAppProperties.MessagingLevel configured) {
		this.redis = redis;
		this.key = "pacing:whatsapp:portfolio:{" + portfolio + "}:level";
		this.configured = configured;
		this.cached.set(read());
	}

	/** Emits the level now; the configured one when WhatsApp named none. */
	Mono<WhatsAppProperties.MessagingLevel> current() {
		return this.cached.get();
	}

	/**
	 * Takes the level a webhook named at {@code at}, unless a newer change is stored;
	 * emits whether it did.
	 */
	Mono<Boolean> learn(WhatsAppProperties.MessagingLevel level, Instant at) {
		return this.redis
			.execute(KEEP_NEWER, List.of(this.key), List.of(Long.toString(at.toEpochMilli()), level.name()))
			.next()
			.map((kept) -> kept == 1)
			.doOnNext((kept) -> {
				if (kept) {
					log.info("WhatsApp's messaging limit is now {} (as of {})", level, at);
					this.cached.set(read());
				}
			});
	}

	private Mono<WhatsAppProperties.MessagingLevel> read() {
		return this.redis.opsForValue()
			.get(this.key)
			.flatMap((stored) -> Mono.justOrEmpty(stored(stored)))
			.defaultIfEmpty(this.configured)
			.cache((level) -> FRESH, (error) -> Duration.ZERO, () -> FRESH);
	}

	private static Optional<WhatsAppProperties.MessagingLevel> stored(String stored) {
		int colon = stored.indexOf(':');
		return WhatsAppProperties.MessagingLevel.named(stored.substring(colon + 1));
	}

}
