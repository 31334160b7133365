package dev.punchcard.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * One Redis per JVM for tests: embedded by default, the machine's at 127.0.0.1:6379 with
 * {@code -Dpunchcard.test.external=true}. Each module uses its own database index.
 */
public final class TestRedis {

	private static volatile RedisServer embedded;

	private static volatile int embeddedPort;

	private TestRedis() {
	}

	/** A {@code redis://} URL for the module's own database index. */
	public static String urlFor(int databaseIndex) {
		if (TestDatabases.external()) {
			return "redis://127.0.0.1:6379/" + databaseIndex;
		}
		return "redis://127.0.0.1:" + startEmbedded() + "/" + databaseIndex;
	}

	private static synchronized int startEmbedded() {
		if (embedded == null) {
			try {
				embeddedPort = freePort();
				embedded = RedisServer.newRedisServer()
					.port(embeddedPort)
					.bind("127.0.0.1")
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
				embedded.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded Redis", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stopEmbedded, "embedded-redis-stop"));
		}
		return embeddedPort;
	}

	private static void stopEmbedded() {
		try {
			embedded.stop();
		}
		catch (IOException ex) {
			// the JVM is going away
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
