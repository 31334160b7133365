package dev.punchcard.app.embedded;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server from zonky's binaries whose data directory outlives the process:
 * initialised on first start, reused afterwards. The server's own log goes to
 * {@code postgres.log} beside the data directory.
 */
final class EmbeddedPostgresServer implements Closeable {

	static final String DATABASE = "punchcard";

	static final String USER = "postgres";

	/** zonky's lock file in the data directory; held while its server runs. */
	private static final String LOCK_FILE = "epg-lock";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts PostgreSQL on {@code port} (0: a free one) and creates the database if
	 * missing.
	 */
	static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
		Files.createDirectories(dataDirectory);
		if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			clearLeftovers(dataDirectory);
		}
		File log = dataDirectory.resolveSibling("postgres.log").toFile();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			// the application context stops the server after its graceful shutdown; a JVM
			// hook
			// of zonky's own would stop it while requests are still finishing
			.setRegisterShutdownHook(false)
			.setPort(port)
			// zonky turns this off for tests; here the data must survive a crash
			.setServerConfig("synchronous_commit", "on")
			.setPGStartupWait(STARTUP_WAIT)
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
			.start();
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
		try {
			server.createDatabaseIfMissing();
		}
		catch (SQLException ex) {
			server.close();
			throw new IOException("Cannot create database " + DATABASE, ex);
		}
		return server;
	}

	/**
	 * A run that died without stopping its server leaves the postmaster running (or at
	 * least its {@code postmaster.pid}); zonky only cleans up its own temporary
	 * directories, so this deals with it first. Fails if a live instance owns the
	 * directory.
	 */
	private static void clearLeftovers(Path dataDirectory) throws IOException {
		try (DirectoryLock lock = DirectoryLock.acquire(dataDirectory.resolve(LOCK_FILE))) {
			LeftoverServer.clear(dataDirectory.resolve("postmaster.pid"), dataDirectory, "PostgreSQL");
		}
	}

	private void createDatabaseIfMissing() throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + DATABASE);
			}
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	/** The major version the data directory was initialised with, e.g. {@code 17}. */
	String majorVersion() throws IOException {
		return Files.readString(this.dataDirectory.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
	}

	String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		// pg_ctl stop -m fast; zonky logs, rather than throws, when that fails
		this.postgres.close();
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on port " + port();
	}

}
