package dev.punchcard.bot.telegram;

import java.util.List;

import dev.punchcard.bot.conversation.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramMessagesTest {

	@Test
	void should_attach_the_buttons_to_the_last_piece_when_a_text_is_split() throws Exception {
		String html = "x\n".repeat(3000);
		OutgoingMessage.Text text = new OutgoingMessage.Text(html,
				List.of(List.of(new OutgoingMessage.Button("More", "more:1"))));

		List<TelegramOutbound> requests = TelegramMessages.render("42", text);

		assertThat(requests).hasSize(2);
		assertThat(json(requests.get(0))).doesNotContain("reply_markup");
		JSONAssert.assertEquals("""
				{"chat_id": "42", "parse_mode": "HTML",
				 "reply_markup": {"inline_keyboard": [[{"text": "More", "callback_data": "more:1"}]]}}""",
				json(requests.get(1)), JSONCompareMode.LENIENT);
	}

	@Test
	void should_send_the_rest_of_a_long_caption_as_text_after_the_photo() {
		String caption = "Line of the caption\n".repeat(80);
		byte[] png = { 1, 2, 3 };

		List<TelegramOutbound> requests = TelegramMessages.render("42", new OutgoingMessage.Image(png, caption));

		assertThat(requests).hasSize(2);
		TelegramOutbound.Photo photo = (TelegramOutbound.Photo) requests.get(0);
		assertThat(photo.captionHtml().length()).isLessThanOrEqualTo(TelegramMessages.CAPTION_LIMIT);
		TelegramOutbound.Text rest = (TelegramOutbound.Text) requests.get(1);
		assertThat((photo.captionHtml() + "\n" + rest.message().getText()).strip()).isEqualTo(caption.strip());
	}

	@Test
	void should_ask_for_the_phone_with_a_one_time_contact_keyboard() throws Exception {
		List<TelegramOutbound> requests = TelegramMessages.render("42",
				new OutgoingMessage.AskForPhone("Share your <b>phone</b>", "Share phone"));

		JSONAssert.assertEquals("""
				{"chat_id": "42", "text": "Share your <b>phone</b>", "parse_mode": "HTML",
				 "reply_markup": {"keyboard": [[{"text": "Share phone", "request_contact": true}]],
				                  "resize_keyboard": true, "one_time_keyboard": true}}""", json(requests.get(0)),
				JSONCompareMode.NON_EXTENSIBLE);
	}

	@Test
	void should_answer_a_button_press_with_a_notice_cut_to_200_characters() {
		List<TelegramOutbound> requests = TelegramMessages.render("42",
				new OutgoingMessage.ButtonAnswer("cb-1", "n".repeat(250)));

		TelegramOutbound.CallbackAnswer answer = (TelegramOutbound.CallbackAnswer) requests.get(0);
		assertThat(answer.isChatMessage()).isFalse();
		assertThat(answer.answer().getCallbackQueryId()).isEqualTo("cb-1");
		assertThat(answer.answer().getText()).hasSize(200);
	}

	@Test
	void should_send_nothing_for_an_empty_text() {
		assertThat(TelegramMessages.render("42", OutgoingMessage.Text.of("  "))).isEmpty();
	}

	private static String json(TelegramOutbound request) {
		return TelegramJson.string(TelegramJson.request(((TelegramOutbound.Text) request).message()));
	}

}
