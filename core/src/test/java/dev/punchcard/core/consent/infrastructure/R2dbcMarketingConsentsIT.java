package dev.punchcard.core.consent.infrastructure;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.consent.application.ConsentChange;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcMarketingConsentsIT {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private DatabaseClient db;

	private R2dbcMarketingConsents consents;

	@BeforeEach
	void emptyTable() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE marketing_consents").then().as(StepVerifier::create).verifyComplete();
		this.consents = new R2dbcMarketingConsents(this.db);
	}

	@Test
	void should_record_an_opt_out_once_with_its_source_and_time_and_write_nothing_for_a_resume_never_needed() {
		assertThat(record(false, "chat:start", NOW)).isFalse();
		assertThat(rows()).isZero();

		assertThat(record(true, "chat:stop", NOW)).isTrue();
		assertThat(record(true, "whatsapp:user_preferences", NOW.plusSeconds(5))).isFalse();

		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isTrue();
		assertThat(this.consents.optedOut(ChatChannel.TELEGRAM, "16505551234").block()).isFalse();
		assertThat(this.db.sql("SELECT source FROM marketing_consents")
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("chat:stop");
	}

	@Test
	void should_resume_only_for_a_later_change() {
		record(true, "chat:stop", NOW);

		assertThat(record(false, "whatsapp:user_preferences", NOW.minus(Duration.ofMinutes(1)))).isFalse();
		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isTrue();
		assertThat(record(false, "chat:start", NOW.plus(Duration.ofMinutes(1)))).isTrue();
		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isFalse();
		assertThat(record(true, "chat:stop", NOW)).as("older than the resume").isFalse();
		assertThat(record(true, "chat:stop", NOW.plus(Duration.ofMinutes(2)))).isTrue();
	}

	private boolean record(boolean optedOut, String source, Instant at) {
		return this.consents.record(new ConsentChange(ChatChannel.WHATSAPP, "16505551234", optedOut, source, at))
			.block();
	}

	private long rows() {
		return this.db.sql("SELECT count(*) FROM marketing_consents")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
