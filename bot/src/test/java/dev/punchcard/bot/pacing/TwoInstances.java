package dev.punchcard.bot.pacing;

import java.net.URI;

import dev.punchcard.core.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.scheduler.Schedulers;

/**
 * Two connections to the test Redis, as two instances of the service hold them, for the
 * shared limits' ITs.
 */
public final class TwoInstances implements AutoCloseable {

	private final RedisClient client = RedisClient.create(URI.create(TestRedis.urlFor(4)).toString());

	private final StatefulRedisConnection<String, byte[]> first = connect();

	private final StatefulRedisConnection<String, byte[]> second = connect();

	public StatefulRedisConnection<String, byte[]> first() {
		return this.first;
	}

	public StatefulRedisConnection<String, byte[]> second() {
		return this.second;
	}

	/** The shared limits as the instance with this connection counts them. */
	public static SharedRateLimits limits(StatefulRedisConnection<String, byte[]> connection) {
		return new SharedRateLimits(connection, Schedulers.parallel());
	}

	@Override
	public void close() {
		this.first.close();
		this.second.close();
		this.client.shutdown();
	}

	private StatefulRedisConnection<String, byte[]> connect() {
		return this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

}
