package dev.punchcard.bot.telegram;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateEnvelopeTest {

	@Test
	void should_key_a_message_by_its_chat() {
		assertThat(read(TelegramFixtures.json("text_message.json")))
			.hasValue(new UpdateEnvelope("123456789", "12345678"));
	}

	@Test
	void should_key_a_callback_query_by_the_chat_of_its_message() {
		assertThat(read(TelegramFixtures.json("callback_query.json"))).hasValue(new UpdateEnvelope("2", "222222222"));
	}

	@Test
	void should_key_a_block_status_by_its_chat() {
		assertThat(read(TelegramFixtures.json("my_chat_member_kicked.json")))
			.hasValue(new UpdateEnvelope("734997100", "123456789"));
	}

	@Test
	void should_accept_an_update_of_a_type_it_does_not_know() {
		assertThat(read("{\"update_id\": 7, \"brand_new_thing\": {\"x\": 1}}")).hasValue(new UpdateEnvelope("7", "-"));
	}

	@Test
	void should_refuse_a_body_when_it_is_not_json() {
		assertThat(read("update_id=7")).isEmpty();
		assertThat(read("{\"update_id\": 7")).isEmpty();
		assertThat(read("{\"update_id\": 7} trailing")).isEmpty();
	}

	@Test
	void should_refuse_a_body_when_the_update_id_is_missing_or_not_a_whole_number() {
		assertThat(read("{\"message\": {}}")).isEmpty();
		assertThat(read("{\"update_id\": \"7\"}")).isEmpty();
		assertThat(read("{\"update_id\": 7.5}")).isEmpty();
		assertThat(read("[{\"update_id\": 7}]")).isEmpty();
	}

	private static java.util.Optional<UpdateEnvelope> read(String json) {
		return UpdateEnvelope.read(json.getBytes(StandardCharsets.UTF_8));
	}

}
