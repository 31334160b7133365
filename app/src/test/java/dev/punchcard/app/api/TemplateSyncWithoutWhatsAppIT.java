package dev.punchcard.app.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template sync asked for where WhatsApp is not configured says so, and writes nothing.
 */
class TemplateSyncWithoutWhatsAppIT extends ApiIT {

	@Test
	void should_answer_409_problem_naming_the_settings_when_whatsapp_is_not_configured() {
		String marketer = this.till.staff("MARKETER", null);

		JsonNode problem = this.till.post(marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.CONFLICT);

		assertThat(problem.path("title").asText()).isEqualTo("WhatsApp is not configured");
		assertThat(problem.path("detail").asText()).contains("WHATSAPP_BUSINESS_ACCOUNT_ID");
		assertThat(this.till.get(marketer, "/api/v1/templates", HttpStatus.OK)).isEmpty();
		assertThat(this.db.sql("SELECT count(*) FROM audit_log").map((row) -> row.get(0, Long.class)).one().block())
			.isZero();
	}

}
