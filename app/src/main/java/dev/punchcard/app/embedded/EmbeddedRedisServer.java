package dev.punchcard.app.embedded;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis server bound to 127.0.0.1, run from the binary that codemonstur's
 * embedded-redis ships, with its snapshot, pid file and generated {@code redis.conf} in
 * its own directory.
 * <p>
 * The process is started here rather than through {@code redis.embedded.RedisServer}:
 * that class registers a JVM shutdown hook of its own, which cannot be removed and would
 * stop Redis at the same moment as Spring's graceful shutdown begins, while requests
 * still need it. Here the application context stops Redis once it has closed.
 */
final class EmbeddedRedisServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private static final Pattern READY = Pattern.compile(".*[Rr]eady to accept connections.*");

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private static @Nullable File executable;

	private final Process process;

	private final int port;

	private final DirectoryLock lock;

	private EmbeddedRedisServer(Process process, int port, DirectoryLock lock) {
		this.process = process;
		this.port = port;
		this.lock = lock;
	}

	/**
	 * Starts Redis on {@code port} (0: a free one) and waits until it accepts
	 * connections.
	 */
	static EmbeddedRedisServer start(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		DirectoryLock lock = DirectoryLock.acquire(directory.resolve("redis.lock"));
		try {
			LeftoverServer.clear(directory.resolve("redis.pid"), directory, "Redis");
			int chosenPort = (port != 0) ? port : freePort();
			Path config = writeConfig(directory, chosenPort);
			Process process = new ProcessBuilder(executable().getAbsolutePath(), config.toString())
				.directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			awaitReady(process);
			return new EmbeddedRedisServer(process, chosenPort, lock);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	private static synchronized File executable() throws IOException {
		if (executable == null || !executable.canExecute()) {
			// copies the binary for this OS and architecture out of the jar, once per JVM
			executable = ExecutableProvider.newJarResourceProvider().get();
		}
		return executable;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path writeConfig(Path directory, int port) throws IOException {
		Path config = directory.resolve("redis.conf");
		List<String> lines = List.of("# written by Punchcard at every start of the embedded Redis", "bind 127.0.0.1",
				"port " + port, "protected-mode yes", "daemonize no", "dir " + quoted(directory),
				"pidfile " + quoted(directory.resolve("redis.pid")), "dbfilename dump.rdb",
				// Redis holds no source of truth; snapshots only keep chat sessions
				// across restarts
				"save 300 1", "save 60 1000", "appendonly no", "logfile \"\"");
		Files.write(config, lines, StandardCharsets.UTF_8);
		return config;
	}

	private static String quoted(Path path) {
		return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Reads Redis' output for as long as it runs (so a full pipe never blocks it) and
	 * waits for the line that says it accepts connections.
	 */
	private static void awaitReady(Process process) throws IOException {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		StringBuilder early = new StringBuilder();
		Thread reader = new Thread(() -> forwardOutput(process, ready, early), "embedded-redis-output");
		reader.setDaemon(true);
		reader.start();
		try {
			ready.get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while Redis was starting", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			String output;
			synchronized (early) {
				output = early.toString();
			}
			throw new IOException("Redis did not start within " + STARTUP_WAIT + "; its output:" + output, ex);
		}
	}

	private static void forwardOutput(Process process, CompletableFuture<Void> ready, StringBuilder early) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				log.debug("redis: {}", line);
				if (!ready.isDone()) {
					synchronized (early) {
						early.append(System.lineSeparator()).append(line);
					}
					if (READY.matcher(line).matches()) {
						ready.complete(null);
					}
				}
			}
		}
		catch (IOException ex) {
			// the stream closes when Redis exits
		}
		ready.completeExceptionally(new IOException("Redis exited with status " + exitStatus(process)));
	}

	private static String exitStatus(Process process) {
		try {
			return Integer.toString(process.waitFor());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	int port() {
		return this.port;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Stops Redis with SIGTERM, which saves its snapshot, and releases the directory. */
	@Override
	public void close() throws IOException {
		try {
			this.process.destroy();
			if (!this.process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				log.warn("Redis did not stop within {}; killing it", STOP_WAIT);
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		finally {
			this.lock.close();
		}
	}

	@Override
	public String toString() {
		return "embedded Redis on port " + this.port;
	}

}
