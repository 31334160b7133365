package dev.punchcard.app.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a run that did not shut down (killed JVM, power cut) left behind in a data
 * directory: the server itself, still running on its old port, or a pid file naming a
 * process that is gone. A process counts as that server only when its working directory
 * is the data directory (PostgreSQL and Redis both change into theirs), so a reused PID
 * never stops an unrelated process. Callers make sure no live instance owns the directory
 * before asking.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private LeftoverServer() {
	}

	/**
	 * Stops the server named in {@code pidFile} when it still serves {@code directory},
	 * or deletes a pid file whose process is gone or is something else. Leaves both alone
	 * when the process cannot be inspected.
	 */
	static void clear(Path pidFile, Path directory, String server) throws IOException {
		if (!Files.exists(pidFile)) {
			return;
		}
		OptionalLong pid = readPid(pidFile);
		Optional<ProcessHandle> process = pid.isPresent()
				? ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive) : Optional.empty();
		if (process.isEmpty()) {
			log.warn("Removing stale {} left by a {} that did not shut down", pidFile, server);
			Files.deleteIfExists(pidFile);
			return;
		}
		Optional<Path> workingDirectory = workingDirectoryOf(process.get());
		if (workingDirectory.isEmpty()) {
			log.warn("{} names PID {}, which runs but cannot be inspected; leaving it alone", pidFile,
					process.get().pid());
		}
		else if (workingDirectory.get().equals(directory.toRealPath())) {
			stop(process.get(), server);
			Files.deleteIfExists(pidFile);
		}
		else {
			log.warn("Removing stale {}: PID {} now belongs to another process", pidFile, process.get().pid());
			Files.deleteIfExists(pidFile);
		}
	}

	private static OptionalLong readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		try {
			long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
			return (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private static Optional<Path> workingDirectoryOf(ProcessHandle process) {
		try {
			return Optional.of(Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath());
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	private static void stop(ProcessHandle process, String server) throws IOException {
		log.warn("Stopping {} (PID {}) left running by a run that did not shut down", server, process.pid());
		// SIGTERM: PostgreSQL shuts down once its clients are gone (they died with the
		// old
		// JVM); Redis saves its snapshot and exits
		process.destroy();
		try {
			process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for " + server + " to stop", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException(
					server + " (PID " + process.pid() + ") did not stop within " + STOP_TIMEOUT + "; stop it by hand",
					ex);
		}
	}

}
