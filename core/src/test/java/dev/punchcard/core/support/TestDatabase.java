package dev.punchcard.core.support;

import io.r2dbc.spi.ConnectionFactories;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Connection settings of one PostgreSQL database that a test module owns.
 *
 * @param host host name
 * @param port TCP port
 * @param database database name
 * @param user user name (trust or password-less authentication)
 */
public record TestDatabase(String host, int port, String database, String user) {

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	/** A client of this database, connecting as its user. */
	public DatabaseClient client() {
		return DatabaseClient.create(ConnectionFactories
			.get("r2dbc:postgresql://" + this.user + "@" + this.host + ":" + this.port + "/" + this.database));
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

}
