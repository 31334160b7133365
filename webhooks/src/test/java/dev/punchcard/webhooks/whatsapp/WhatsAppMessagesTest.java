package dev.punchcard.webhooks.whatsapp;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppMessagesTest {

	private static final String TO = "16505551234";

	@Test
	void should_send_a_text_message_without_link_preview_when_the_text_has_no_choices() throws Exception {
		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, OutgoingMessage.Text
			.of(MarkedText.plain("You have ").append(MarkedText.bold("120")).append(" points")));

		assertThat(messages).hasSize(1);
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "text",
				 "text": {"preview_url": false, "body": "You have *120* points"}}""", json(messages.get(0)),
				JSONCompareMode.STRICT);
	}

	@Test
	void should_send_reply_buttons_in_row_order_when_the_text_has_two_choices() throws Exception {
		OutgoingMessage.Text text = new OutgoingMessage.Text(MarkedText.plain("Redeem the coffee?"),
				List.of(List.of(new Button("Yes", "redeem:7")), List.of(new Button("No", "cancel"))));

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, text);

		assertThat(messages).hasSize(1);
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234",
				 "type": "interactive",
				 "interactive": {"type": "button", "body": {"text": "Redeem the coffee?"},
				   "action": {"buttons": [
				     {"type": "reply", "reply": {"id": "redeem:7", "title": "Yes"}},
				     {"type": "reply", "reply": {"id": "cancel", "title": "No"}}]}}}""", json(messages.get(0)),
				JSONCompareMode.STRICT);
	}

	@Test
	void should_cut_a_button_title_to_20_characters_with_an_ellipsis_when_the_label_is_longer() {
		OutgoingMessage.Text text = withChoices("Pick one", new Button("Free espresso or latte!!!", "pick:1"));

		JsonNode title = body(WhatsAppMessages.render(TO, text).get(0)).at("/interactive/action/buttons/0/reply/title");

		assertThat(title.asText()).isEqualTo("Free espresso or la…").hasSize(20);
	}

	@Test
	void should_make_titles_unique_within_the_limit_when_two_cut_labels_collide() {
		OutgoingMessage.Text text = withChoices("Pick one", new Button("Seasonal cake with cream", "cake:1"),
				new Button("Seasonal cake with fruit", "cake:2"));

		JsonNode buttons = body(WhatsAppMessages.render(TO, text).get(0)).at("/interactive/action/buttons");

		String first = buttons.at("/0/reply/title").asText();
		String second = buttons.at("/1/reply/title").asText();
		assertThat(first).isEqualTo("Seasonal cake with…");
		assertThat(second).isNotEqualTo(first).hasSizeLessThanOrEqualTo(20).endsWith(" 2");
	}

	@Test
	void should_send_a_list_message_with_a_row_per_choice_when_the_text_has_five_choices() throws Exception {
		OutgoingMessage.Text text = withChoices("Which store?", choices(5));

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, text);

		assertThat(messages).hasSize(1);
		JSONAssert.assertEquals("""
				{"type": "interactive", "interactive": {"type": "list", "body": {"text": "Which store?"},
				 "action": {"button": "Choose", "sections": [{"rows": [
				   {"id": "c:1", "title": "Choice 1"}, {"id": "c:2", "title": "Choice 2"},
				   {"id": "c:3", "title": "Choice 3"}, {"id": "c:4", "title": "Choice 4"},
				   {"id": "c:5", "title": "Choice 5"}]}]}}}""", json(messages.get(0)), JSONCompareMode.LENIENT);
		assertThat(body(messages.get(0)).at("/interactive/action/sections/0/rows/0").has("description")).isFalse();
	}

	@Test
	void should_label_the_list_button_in_the_language_of_the_text() {
		OutgoingMessage.Text russian = withChoices("Что вы хотите сделать?", choices(5));

		assertThat(body(WhatsAppMessages.render(TO, russian).get(0)).at("/interactive/action/button").asText())
			.isEqualTo("Выбрать");
	}

	@Test
	void should_show_the_full_label_as_description_when_a_row_title_is_cut() {
		String label = "The big breakfast with two coffees";
		OutgoingMessage.Text text = withChoices("Which reward?", new Button(label, "r:1"), new Button("B", "r:2"),
				new Button("C", "r:3"), new Button("D", "r:4"));

		JsonNode row = body(WhatsAppMessages.render(TO, text).get(0)).at("/interactive/action/sections/0/rows/0");

		assertThat(row.path("title").asText()).isEqualTo("The big breakfast with…").hasSizeLessThanOrEqualTo(24);
		assertThat(row.path("description").asText()).isEqualTo(label);
	}

	@Test
	void should_list_ten_choices_and_number_the_rest_in_a_text_when_there_are_twelve_choices() {
		OutgoingMessage.Text text = withChoices("Which store?", choices(12));

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, text);

		assertThat(messages).hasSize(2);
		assertThat(body(messages.get(0)).at("/interactive/action/sections/0/rows")).hasSize(10);
		assertThat(body(messages.get(1)).at("/text/body").asText()).isEqualTo("11. Choice 11\n12. Choice 12");
	}

	@Test
	void should_send_the_head_as_text_first_when_a_text_with_choices_is_over_1024_characters() {
		String head = "Line of the terms\n".repeat(60); // 1080 characters
		OutgoingMessage.Text text = withChoices(head + "Accept?", new Button("Yes", "y"), new Button("No", "n"));

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, text);

		assertThat(messages).hasSize(2);
		assertThat(body(messages.get(0)).path("type").asText()).isEqualTo("text");
		String interactiveBody = body(messages.get(1)).at("/interactive/body/text").asText();
		assertThat(interactiveBody).hasSizeLessThanOrEqualTo(1024).endsWith("Line of the terms\nAccept?");
		assertThat(body(messages.get(0)).at("/text/body").asText() + "\n" + interactiveBody)
			.isEqualTo(head + "Accept?");
	}

	@Test
	void should_send_several_texts_of_at_most_4096_characters_when_a_text_is_longer() {
		String long_ = "A line of the history\n".repeat(400); // 8800 characters

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO, OutgoingMessage.Text.of(MarkedText.plain(long_)));

		assertThat(messages).hasSize(3);
		assertThat(messages)
			.allSatisfy((message) -> assertThat(body(message).at("/text/body").asText()).hasSizeLessThanOrEqualTo(4096)
				.startsWith("A line"));
	}

	@Test
	void should_send_the_png_with_its_caption_when_rendering_an_image() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO,
				new OutgoingMessage.Image(png, MarkedText.plain("Your card ").append(MarkedText.bold("#42"))));

		assertThat(messages).singleElement().isInstanceOfSatisfying(WhatsAppOutbound.Image.class, (image) -> {
			assertThat(image.png()).isEqualTo(png);
			assertThat(image.caption()).isEqualTo("Your card *#42*");
		});
	}

	@Test
	void should_send_the_rest_of_a_long_caption_as_text_after_the_image() {
		String caption = "Line of the caption\n".repeat(80); // 1600 characters

		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO,
				new OutgoingMessage.Image(new byte[] { 1 }, MarkedText.plain(caption)));

		assertThat(messages).hasSize(2);
		WhatsAppOutbound.Image image = (WhatsAppOutbound.Image) messages.get(0);
		assertThat(image.caption()).hasSizeLessThanOrEqualTo(1024);
		assertThat(image.caption() + "\n" + body(messages.get(1)).at("/text/body").asText()).isEqualTo(caption.strip());
	}

	@Test
	void should_send_only_the_text_when_asking_for_the_phone() throws Exception {
		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO,
				new OutgoingMessage.AskForPhone(MarkedText.plain("Share your phone"), "Share phone"));

		assertThat(messages).hasSize(1);
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "text",
				 "text": {"preview_url": false, "body": "Share your phone"}}""", json(messages.get(0)),
				JSONCompareMode.STRICT);
	}

	@Test
	void should_send_nothing_when_a_button_answer_has_no_notice() {
		assertThat(WhatsAppMessages.render(TO, new OutgoingMessage.ButtonAnswer("wamid.1", null))).isEmpty();
		assertThat(WhatsAppMessages.render(TO, new OutgoingMessage.ButtonAnswer("wamid.1", " "))).isEmpty();
	}

	@Test
	void should_send_the_notice_as_text_when_a_button_answer_has_one() {
		List<WhatsAppOutbound> messages = WhatsAppMessages.render(TO,
				new OutgoingMessage.ButtonAnswer("wamid.1", "Done *now*"));

		assertThat(body(messages.get(0)).at("/text/body").asText()).isEqualTo("Done *\u200Bnow*\u200B");
	}

	@Test
	void should_put_the_media_id_and_caption_in_an_image_message() throws Exception {
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "image",
				 "image": {"id": "1037543291543636", "caption": "Your card"}}""",
				WhatsAppMessages.imageBody(TO, "1037543291543636", "Your card").toString(), JSONCompareMode.STRICT);
	}

	private static OutgoingMessage.Text withChoices(String text, Button... choices) {
		return new OutgoingMessage.Text(MarkedText.plain(text), List.of(List.of(choices)));
	}

	private static Button[] choices(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((i) -> new Button("Choice " + i, "c:" + i))
			.toArray(Button[]::new);
	}

	private static JsonNode body(WhatsAppOutbound outbound) {
		return ((WhatsAppOutbound.Message) outbound).body();
	}

	private static String json(WhatsAppOutbound outbound) {
		return body(outbound).toString();
	}

}
