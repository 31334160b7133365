package dev.punchcard.core.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServersSmokeIT {

	@Test
	void should_migrate_the_schema_when_a_module_asks_for_its_database() {
		TestDatabase database = TestDatabases.forModule("smoke");

		assertThat(TestDatabases.queryForLong(database, "SELECT count(*) FROM flyway_schema_history WHERE success"))
			.isGreaterThan(0);
		assertThat(TestRedis.urlFor(1)).startsWith("redis://127.0.0.1:");
	}

}
