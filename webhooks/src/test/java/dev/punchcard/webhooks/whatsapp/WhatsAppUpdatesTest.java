package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppUpdatesTest {

	@Test
	void should_read_a_text_with_the_senders_ids_and_profile_name() {
		WhatsAppUpdate.Event event = (WhatsAppUpdate.Event) read("inbound_text.json", WhatsAppFixtures.PHONE_NUMBER_ID);

		assertThat(event.event()).isEqualTo(new ChatEvent("wamid.xyzxyz", ChatChannel.WHATSAPP, "972987654321",
				"972987654321", "Test Name", null, new ChatInput.Text("Body Text"), "+972987654321"));
		assertThat(event.identity()).isEqualTo(new WhatsAppIdentity("972987654321", "US.13491208655302741918",
				"US.ENT.11815799212886844830", "Test Name"));
	}

	@Test
	void should_read_a_tapped_reply_button_as_a_press_of_its_id() {
		WhatsAppUpdate.Event event = (WhatsAppUpdate.Event) read("inbound_button_reply.json", "106540352242922");

		assertThat(event.event().input()).isEqualTo(new ChatInput.ButtonPress(
				"wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQThBREYwNzc2RDc2QjA1QTIwMgA=", "change-button"));
	}

	@Test
	void should_read_a_list_row_and_a_template_button_as_presses_or_typed_text() {
		assertThat(input(message("interactive",
				"\"interactive\": {\"type\": \"list_reply\", \"list_reply\": "
						+ "{\"id\": \"m:card\", \"title\": \"My card\", \"description\": \"\"}}")))
			.isEqualTo(new ChatInput.ButtonPress("wamid.m1", "m:card"));
		assertThat(input(message("button", "\"button\": {\"payload\": \"rw:r:42\", \"text\": \"Redeem\"}")))
			.isEqualTo(new ChatInput.ButtonPress("wamid.m1", "rw:r:42"));
		assertThat(
				input(message("button", "\"button\": {\"payload\": \"STOP_PROMOS\", \"text\": \"Stop promotions\"}")))
			.isEqualTo(new ChatInput.Text("Stop promotions"));
	}

	@Test
	void should_read_a_photo_as_its_media_id_and_checksum() {
		WhatsAppUpdate.Event event = (WhatsAppUpdate.Event) read("inbound_image.json",
				WhatsAppFixtures.PHONE_NUMBER_ID);

		assertThat(event.event().input()).isEqualTo(new ChatInput.Photo("65463453#4654+8g=", 0));
	}

	@Test
	void should_read_a_shared_contact_with_the_whatsapp_user_it_belongs_to() {
		assertThat(input(message("contacts",
				"\"contacts\": [{\"name\": {\"formatted_name\": \"Ann\"}, \"phones\": "
						+ "[{\"phone\": \"+49 151 0000000\", \"wa_id\": \"491510000000\", \"type\": \"CELL\"}]}]")))
			.isEqualTo(new ChatInput.SharedContact("491510000000", "491510000000"));
		assertThat(input(message("contacts",
				"\"contacts\": [{\"name\": {\"formatted_name\": \"Ann\"}, \"phones\": "
						+ "[{\"phone\": \"+49 151 9999999\", \"wa_id\": \"491510000000\", \"type\": \"CELL\"}]}]")))
			.as("the typed phone text of a card cannot claim another number")
			.isEqualTo(new ChatInput.SharedContact("491510000000", "491510000000"));
	}

	@Test
	void should_answer_other_kinds_as_unsupported_and_ignore_reactions() {
		assertThat(input(message("sticker", "\"sticker\": {\"id\": \"1\", \"mime_type\": \"image/webp\"}")))
			.isInstanceOf(ChatInput.Unsupported.class);
		assertThat(
				input(message("unsupported", "\"errors\": [{\"code\": 131051, \"title\": \"Message type unknown\"}]")))
			.isInstanceOf(ChatInput.Unsupported.class);
		assertThat(input(message("location", "\"location\": {\"latitude\": 52.5, \"longitude\": 13.4}")))
			.isInstanceOf(ChatInput.Unsupported.class);
		assertThat(WhatsAppUpdates
			.read(stored(message("reaction", "\"reaction\": {\"message_id\": \"wamid.x\", " + "\"emoji\": \"👍\"}"))))
			.isInstanceOf(WhatsAppUpdate.Ignored.class);
	}

	@Test
	void should_know_a_user_by_the_bsuid_when_no_phone_number_comes() throws IOException {
		String body = """
				{"kind": "message", "contact": {"profile": {"name": "Nik"}, "user_id": "US.1349", "username": "nik"},
				 "message": {"from": "US.1349", "id": "wamid.u1", "type": "text", "text": {"body": "hi"}}}""";

		WhatsAppUpdate.Event event = (WhatsAppUpdate.Event) WhatsAppUpdates.read(WebhookBatch.JSON.readTree(body));

		assertThat(event.event().userId()).isEqualTo("US.1349");
		assertThat(event.event().verifiedPhone()).as("a BSUID is no phone number").isNull();
		assertThat(event.identity().waId()).isNull();
	}

	@Test
	void should_read_a_failed_status_with_its_error_code() {
		WhatsAppUpdate.Status status = (WhatsAppUpdate.Status) read("status_failed.json",
				WhatsAppFixtures.PHONE_NUMBER_ID);

		assertThat(status).isEqualTo(new WhatsAppUpdate.Status("wamid.xyzxyz", "failed", 130472, "", "972987654321",
				"User's number is part of an experiment", java.time.Instant.ofEpochSecond(1689380458)));
	}

	@Test
	void should_read_a_messaging_limit_change_by_the_new_field_or_else_the_old_one() {
		assertThat(read("phone_number_quality_update.json", WhatsAppFixtures.PHONE_NUMBER_ID))
			.isEqualTo(new WhatsAppUpdate.LimitChange(WhatsAppProperties.MessagingLevel.TIER_10K,
					java.time.Instant.ofEpochSecond(1764590400)));
		String fixture = WhatsAppFixtures.json("phone_number_quality_update.json");
		String oldFieldOnly = fixture.replace("\"max_daily_conversations_per_business\": \"TIER_10K\"",
				"\"unused\": \"\"");
		assertThat(readBody(oldFieldOnly)).isEqualTo(new WhatsAppUpdate.LimitChange(
				WhatsAppProperties.MessagingLevel.TIER_10K, java.time.Instant.ofEpochSecond(1764590400)));
		String unlimited = fixture.replace("\"max_daily_conversations_per_business\": \"TIER_10K\"",
				"\"max_daily_conversations_per_business\": \"TIER_UNLIMITED\"");
		assertThat(readBody(unlimited)).extracting((update) -> ((WhatsAppUpdate.LimitChange) update).level())
			.isEqualTo(WhatsAppProperties.MessagingLevel.UNLIMITED);
	}

	@Test
	void should_ignore_a_quality_change_that_names_no_messaging_limit() {
		String flagged = WhatsAppFixtures.json("phone_number_quality_update.json")
			.replace("\"UPGRADE\"", "\"FLAGGED\"")
			.replace("TIER_10K", "TIER_NOT_SET");

		assertThat(readBody(flagged)).isInstanceOf(WhatsAppUpdate.Ignored.class);
	}

	@Test
	void should_name_each_level_as_whatsapp_does_or_by_its_number_of_users() {
		assertThat(WhatsAppProperties.MessagingLevel.named("TIER_2K"))
			.contains(WhatsAppProperties.MessagingLevel.TIER_2K);
		assertThat(WhatsAppProperties.MessagingLevel.named("tier_100k"))
			.contains(WhatsAppProperties.MessagingLevel.TIER_100K);
		assertThat(WhatsAppProperties.MessagingLevel.named("2000")).contains(WhatsAppProperties.MessagingLevel.TIER_2K);
		assertThat(WhatsAppProperties.MessagingLevel.named("TIER_UNLIMITED"))
			.contains(WhatsAppProperties.MessagingLevel.UNLIMITED);
		assertThat(WhatsAppProperties.MessagingLevel.named("TIER_NOT_SET")).isEmpty();
		assertThat(WhatsAppProperties.MessagingLevel.named("")).isEmpty();
	}

	private static WhatsAppUpdate readBody(String body) {
		String stored = new WebhookBatch(WhatsAppFixtures.PHONE_NUMBER_ID).split(body.getBytes(StandardCharsets.UTF_8))
			.orElseThrow()
			.get(0)
			.payload();
		try {
			return WhatsAppUpdates.read(WebhookBatch.JSON.readTree(stored));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WhatsAppUpdate read(String fixture, String phoneNumberId) {
		String stored = new WebhookBatch(phoneNumberId)
			.split(WhatsAppFixtures.json(fixture).getBytes(StandardCharsets.UTF_8))
			.orElseThrow()
			.get(0)
			.payload();
		try {
			return WhatsAppUpdates.read(WebhookBatch.JSON.readTree(stored));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String message(String type, String content) {
		return """
				{"from": "491510000001", "id": "wamid.m1", "timestamp": "1764590000", "type": "%s", %s}"""
			.formatted(type, content);
	}

	private static com.fasterxml.jackson.databind.JsonNode stored(String message) {
		try {
			return WebhookBatch.JSON.readTree("{\"kind\": \"message\", \"contact\": {\"wa_id\": \"491510000001\", "
					+ "\"profile\": {\"name\": \"Ann\"}}, \"message\": " + message + "}");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ChatInput input(String message) {
		return ((WhatsAppUpdate.Event) WhatsAppUpdates.read(stored(message))).event().input();
	}

}
