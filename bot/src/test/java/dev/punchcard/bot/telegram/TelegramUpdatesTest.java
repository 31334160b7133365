package dev.punchcard.bot.telegram;

import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramUpdatesTest {

	private final TelegramUpdates mapping = new TelegramUpdates(new BotIdentity("punchcard_bot"), 10_000_000);

	@Test
	void should_map_a_text_message_to_a_text_event_with_sender_and_language() {
		ChatEvent event = event(this.mapping.map(TelegramFixtures.update("text_message.json")));

		assertThat(event).isEqualTo(new ChatEvent("123456789", ChatChannel.TELEGRAM, "12345678", "12345678",
				"Mario Bros", "it", new ChatInput.Text("aaaaaaaaaa")));
	}

	@Test
	void should_map_a_start_deep_link_to_a_command_with_its_payload() {
		ChatEvent event = event(this.mapping.map(TelegramFixtures.update("start_deeplink.json")));

		assertThat(event.input()).isEqualTo(new ChatInput.Command("start", "FAKE_PAYLOAD_123"));
		assertThat(event.displayName()).isEqualTo("Test");
		assertThat(event.languageCode()).isEqualTo("en");
	}

	@Test
	void should_lower_case_the_name_and_trim_the_argument_when_a_command_names_this_bot() {
		ChatInput input = inputOf("/Rewards@Punchcard_Bot   page 2  ");

		assertThat(input).isEqualTo(new ChatInput.Command("rewards", "page 2"));
	}

	@Test
	void should_ignore_a_command_when_it_is_addressed_to_another_bot() {
		MappedUpdate mapped = this.mapping
			.map(TelegramFixtures.parse(TelegramFixtures.textMessage(1, 5, "/start@other_bot")));

		assertThat(mapped).isInstanceOf(MappedUpdate.Ignored.class);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "{\"update_id\":1,\"callback_query\":{}}",
			"{\"update_id\":1,\"callback_query\":{\"id\":\"q\",\"data\":\"x\"}}",
			"{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":5,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"/start\"}}",
			"{\"update_id\":1,\"my_chat_member\":{\"date\":1,\"new_chat_member\":{\"status\":\"kicked\"}}}" })
	void should_ignore_the_update_when_telegram_left_out_the_sender_or_the_chat(String json) {
		MappedUpdate mapped = this.mapping.map(TelegramFixtures.parse(json));

		assertThat(mapped).isInstanceOf(MappedUpdate.Ignored.class);
	}

	@Test
	void should_map_a_contact_without_user_id_to_a_contact_of_unknown_owner() {
		ChatEvent event = event(this.mapping.map(TelegramFixtures.update("contact_share.json")));

		assertThat(event.input()).isEqualTo(new ChatInput.SharedContact("911", null));
		assertThat(event.userId()).isEqualTo("12345");
	}

	@Test
	void should_keep_the_contact_owner_when_telegram_tells_it() {
		String json = TelegramFixtures.json("contact_share.json")
			.replace("\"phone_number\": \"911\"", "\"phone_number\": \"+4915112345678\", \"user_id\": 12345");

		ChatEvent event = event(this.mapping.map(TelegramFixtures.parse(json)));

		assertThat(event.input()).isEqualTo(new ChatInput.SharedContact("+4915112345678", "12345"));
	}

	@Test
	void should_pick_the_photo_size_with_most_pixels_when_all_are_within_the_limit() {
		ChatEvent event = event(this.mapping.map(TelegramFixtures.update("photo_message.json")));

		assertThat(event.input()).isEqualTo(new ChatInput.Photo("SAAS", 84913));
	}

	@Test
	void should_pick_the_largest_photo_within_the_limit_when_bigger_sizes_exceed_it() {
		TelegramUpdates small = new TelegramUpdates(new BotIdentity(null), 50_000);

		ChatEvent event = event(small.map(TelegramFixtures.update("photo_message.json")));

		assertThat(event.input()).isEqualTo(new ChatInput.Photo("SOOOS", 26542));
	}

	@Test
	void should_pick_the_smallest_photo_when_no_size_is_within_the_limit() {
		TelegramUpdates tiny = new TelegramUpdates(new BotIdentity(null), 1_000);

		ChatEvent event = event(tiny.map(TelegramFixtures.update("photo_message.json")));

		assertThat(event.input()).isEqualTo(new ChatInput.Photo("SOOOS", 26542));
	}

	@Test
	void should_map_a_callback_query_to_a_button_press_in_the_chat_of_the_message() {
		ChatEvent event = event(this.mapping.map(TelegramFixtures.update("callback_query.json")));

		assertThat(event).isEqualTo(new ChatEvent("2", ChatChannel.TELEGRAM, "222222222", "222222222", "Mario", "it",
				new ChatInput.ButtonPress("666728699048485871", "thedata")));
	}

	@Test
	void should_report_the_user_unreachable_when_they_blocked_the_bot() {
		MappedUpdate mapped = this.mapping.map(TelegramFixtures.update("my_chat_member_kicked.json"));

		assertThat(mapped).isEqualTo(new MappedUpdate.Reachability("123456789", false));
	}

	@Test
	void should_report_the_user_reachable_when_they_unblocked_the_bot() {
		String json = TelegramFixtures.json("my_chat_member_kicked.json")
			.replace("\"status\": \"kicked\"", "\"status\": \"member\"");

		MappedUpdate mapped = this.mapping.map(TelegramFixtures.parse(json));

		assertThat(mapped).isEqualTo(new MappedUpdate.Reachability("123456789", true));
	}

	@Test
	void should_map_an_edited_message_to_unsupported() {
		String json = TelegramFixtures.json("text_message.json").replace("\"message\"", "\"edited_message\"");

		ChatEvent event = event(this.mapping.map(TelegramFixtures.parse(json)));

		assertThat(event.input()).isEqualTo(new ChatInput.Unsupported());
	}

	@Test
	void should_map_a_sticker_to_unsupported() {
		String json = TelegramFixtures.json("text_message.json")
			.replace("\"text\": \"aaaaaaaaaa\"", "\"sticker\": {\"file_id\": \"x\", \"file_unique_id\": \"y\","
					+ " \"type\": \"regular\", \"width\": 512, \"height\": 512, \"is_animated\": false, \"is_video\": false}");

		ChatEvent event = event(this.mapping.map(TelegramFixtures.parse(json)));

		assertThat(event.input()).isEqualTo(new ChatInput.Unsupported());
	}

	@Test
	void should_ignore_a_message_when_it_comes_from_a_group() {
		String json = TelegramFixtures.json("text_message.json")
			.replace("\"type\": \"private\"", "\"type\": \"group\", \"title\": \"Friends\"");

		assertThat(this.mapping.map(TelegramFixtures.parse(json))).isInstanceOf(MappedUpdate.Ignored.class);
	}

	@Test
	void should_ignore_a_channel_post() {
		String json = """
				{"update_id": 9, "channel_post": {"message_id": 1, "date": 1700000000,
				 "chat": {"id": -100123, "title": "News", "type": "channel"}, "text": "hello"}}
				""";

		assertThat(this.mapping.map(TelegramFixtures.parse(json))).isInstanceOf(MappedUpdate.Ignored.class);
	}

	private ChatInput inputOf(String text) {
		return event(this.mapping.map(TelegramFixtures.parse(TelegramFixtures.textMessage(1, 5, text)))).input();
	}

	private static ChatEvent event(MappedUpdate mapped) {
		assertThat(mapped).isInstanceOf(MappedUpdate.Event.class);
		return ((MappedUpdate.Event) mapped).event();
	}

}
