package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.punchcard.core.chat.application.ReceivedUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookBatchTest {

	private final WebhookBatch batch = new WebhookBatch(WhatsAppFixtures.PHONE_NUMBER_ID);

	@Test
	void should_store_a_message_keyed_by_its_wamid_with_the_senders_contact() {
		List<ReceivedUpdate> updates = split(WhatsAppFixtures.json("inbound_text.json"));

		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.updateId()).isEqualTo("wamid.xyzxyz");
			assertThat(update.chatKey()).isEqualTo("972987654321");
			assertThat(update.payload()).contains("\"kind\":\"message\"")
				.contains("\"body\":\"Body Text\"")
				.contains("\"user_id\":\"US.13491208655302741918\"");
		});
	}

	@Test
	void should_key_each_status_by_wamid_and_status_when_a_message_has_several() {
		assertThat(split(WhatsAppFixtures.json("status_sent.json"))).extracting(ReceivedUpdate::updateId)
			.singleElement()
			.asString()
			.endsWith(":sent");
		assertThat(split(WhatsAppFixtures.json("status_failed.json"))).extracting(ReceivedUpdate::updateId)
			.containsExactly("wamid.xyzxyz:failed");
	}

	@Test
	void should_store_every_message_of_every_entry_and_change_when_a_batch_has_many() {
		String fifty = WhatsAppFixtures.textBatch(50, "wamid.batch-", "Ann", "points");
		String two = """
				{"object": "whatsapp_business_account", "entry": [
				  %s,
				  {"id": "2", "changes": [{"field": "messages", "value": {"metadata": {"phone_number_id": "%s"},
				    "messages": [{"from": "1", "id": "wamid.a", "type": "text", "text": {"body": "x"}}],
				    "statuses": [{"id": "wamid.b", "status": "read", "recipient_id": "2"}]}}]}]}
				""".formatted(WebhookBatch.JSON.createObjectNode().toString(), WhatsAppFixtures.PHONE_NUMBER_ID);

		assertThat(split(fifty)).hasSize(50).extracting(ReceivedUpdate::updateId).doesNotHaveDuplicates();
		assertThat(split(two)).extracting(ReceivedUpdate::updateId).containsExactly("wamid.a", "wamid.b:read");
	}

	@Test
	void should_skip_changes_for_another_business_number_and_fields_it_does_not_use() {
		String other = WhatsAppFixtures.textBatch(1, "wamid.x", "Ann", "hi")
			.replace(WhatsAppFixtures.PHONE_NUMBER_ID, "999");
		String account = """
				{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
				  {"field": "account_update", "value": {"phone_number": "15550783881", "event": "VERIFIED_ACCOUNT"}}]}]}""";

		assertThat(split(other)).isEmpty();
		assertThat(split(account)).isEmpty();
	}

	@Test
	void should_store_a_marketing_preference_change_when_the_user_stops_them() {
		String stop = """
				{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "user_preferences",
				  "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "%s"},
				    "contacts": [{"wa_id": "16505551234", "profile": {"name": "Pablo"}}],
				    "user_preferences": [{"wa_id": "16505551234", "detail": "User requested to stop marketing messages",
				      "category": "marketing_messages", "value": "stop", "timestamp": 1731705721}]}}]}]}
				""".formatted(WhatsAppFixtures.PHONE_NUMBER_ID);

		assertThat(split(stop)).extracting(ReceivedUpdate::updateId)
			.containsExactly("pref:16505551234:marketing_messages:stop:1731705721");
	}

	@Test
	void should_skip_items_whose_ids_no_database_could_store_and_keep_the_rest() {
		String body = WhatsAppFixtures.textBatch(3, "wamid.ok-", "Ann", "hi")
			.replace("\"id\": \"wamid.ok-1\"", "\"id\": \"wamid.\\u0000x\"")
			.replace("\"from\": \"4915100000002\"", "\"from\": \"\\ud800\"");

		assertThat(split(body)).extracting(ReceivedUpdate::updateId).containsExactly("wamid.ok-0");
	}

	@Test
	void should_store_a_messaging_limit_change_keyed_by_account_time_and_limit_with_the_entry_time() {
		List<ReceivedUpdate> updates = split(WhatsAppFixtures.json("phone_number_quality_update.json"));

		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.updateId()).isEqualTo("limit:102290129340398:1764590400:UPGRADE:TIER_10K");
			assertThat(update.chatKey()).isEqualTo("portfolio:102290129340398");
			assertThat(update.payload()).contains("\"kind\":\"limit\"")
				.contains("\"time\":\"1764590400\"")
				.contains("\"max_daily_conversations_per_business\":\"TIER_10K\"");
		});
		assertThat(split(WhatsAppFixtures.json("phone_number_quality_update.json").replace("1764590400", "\"soon\"")))
			.as("no usable time")
			.isEmpty();
	}

	@Test
	void should_refuse_a_body_when_it_is_not_a_json_object() {
		assertThat(this.batch.split("{\"entry\": [".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(this.batch.split("[1, 2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(this.batch.split("".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(this.batch.split("{\"entry\": 5, \"unknown\": {\"x\": [1]}}".getBytes(StandardCharsets.UTF_8)))
			.hasValue(List.of());
	}

	private List<ReceivedUpdate> split(String body) {
		return this.batch.split(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
	}

}
