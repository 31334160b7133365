package dev.punchcard.app.embedded;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;

/**
 * The embedded servers started for one application context. Registered with the context
 * as its first disposable bean, so it is destroyed last: after the web server's graceful
 * shutdown and after the connection pools have closed. Should the context never close
 * (startup interrupted by SIGTERM), Spring's shutdown hook stops the servers once every
 * context is closed.
 */
final class EmbeddedServers implements DisposableBean {

	static final String BEAN_NAME = "punchcardEmbeddedServers";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

	private final Deque<Closeable> running = new ArrayDeque<>();

	private final Runnable stopAtExit = this::stop;

	EmbeddedServers() {
		SpringApplication.getShutdownHandlers().add(this.stopAtExit);
	}

	synchronized <S extends Closeable> S add(S server) {
		this.running.push(server);
		return server;
	}

	@Override
	public void destroy() {
		stop();
	}

	/** Stops the servers, last started first. Safe to call more than once. */
	synchronized void stop() {
		while (!this.running.isEmpty()) {
			Closeable server = this.running.pop();
			try {
				server.close();
				log.info("Stopped {}", server);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not stop {}", server, ex);
			}
		}
		forgetShutdownHandler();
	}

	private void forgetShutdownHandler() {
		try {
			SpringApplication.getShutdownHandlers().remove(this.stopAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down; the handler list is about to go anyway
		}
	}

}
