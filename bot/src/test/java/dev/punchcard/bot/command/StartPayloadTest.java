package dev.punchcard.bot.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartPayloadTest {

	@Test
	void should_recognise_posters_referrals_staff_links_and_link_codes() {
		assertThat(StartPayload.parse("s-MAIN_1")).isEqualTo(new StartPayload.FromStore("MAIN_1"));
		assertThat(StartPayload.parse("r-abc123")).isEqualTo(new StartPayload.Referral("abc123"));
		assertThat(StartPayload.parse("staff-xyz")).isEqualTo(new StartPayload.StaffLink("xyz"));
		assertThat(StartPayload.parse("link-ABCDEFGH")).isEqualTo(new StartPayload.ChatLink("ABCDEFGH"));
		assertThat(StartPayload.parse("")).isEqualTo(new StartPayload.None());
	}

	@Test
	void should_call_a_payload_invalid_when_it_is_outside_the_telegram_alphabet_or_unknown() {
		assertThat(StartPayload.parse("YnZiMTIzbWlzY0BnbWFpbC5jb20=")).isEqualTo(new StartPayload.Invalid());
		assertThat(StartPayload.parse("FAKE_PAYLOAD_123")).isEqualTo(new StartPayload.Invalid());
		assertThat(StartPayload.parse("s-")).isEqualTo(new StartPayload.Invalid());
		assertThat(StartPayload.parse("link-")).isEqualTo(new StartPayload.Invalid());
		assertThat(StartPayload.parse("x".repeat(65))).isEqualTo(new StartPayload.Invalid());
		assertThat(StartPayload.parse("s-<script>")).isEqualTo(new StartPayload.Invalid());
	}

}
