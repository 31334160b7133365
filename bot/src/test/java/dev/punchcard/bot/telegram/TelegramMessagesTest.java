package dev.punchcard.bot.telegram;

import java.util.List;

import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramMessagesTest {

	@Test
	void should_attach_the_buttons_to_the_last_piece_when_a_text_is_split() throws Exception {
		OutgoingMessage.Text text = new OutgoingMessage.Text(MarkedText.plain("x\n".repeat(3000)),
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

		List<TelegramOutbound> requests = TelegramMessages.render("42",
				new OutgoingMessage.Image(png, MarkedText.plain(caption)));

		assertThat(requests).hasSize(2);
		TelegramOutbound.Photo photo = (TelegramOutbound.Photo) requests.get(0);
		assertThat(photo.captionHtml().length()).isLessThanOrEqualTo(TelegramMessages.CAPTION_LIMIT);
		TelegramOutbound.Text rest = (TelegramOutbound.Text) requests.get(1);
		assertThat((photo.captionHtml() + "\n" + rest.message().getText()).strip()).isEqualTo(caption.strip());
	}

	@Test
	void should_ask_for_the_phone_with_a_one_time_contact_keyboard() throws Exception {
		List<TelegramOutbound> requests = TelegramMessages.render("42", new OutgoingMessage.AskForPhone(
				MarkedText.plain("Share your ").append(MarkedText.bold("phone")), "Share phone"));

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
		assertThat(TelegramMessages.render("42", OutgoingMessage.Text.of(MarkedText.plain("  ")))).isEmpty();
	}

	@Test
	void should_render_styles_as_html_and_escape_what_users_typed() {
		MarkedText text = MarkedText.plain("Hi ")
			.append(MarkedText.bold("<b>Eve</b> & \"Co\""))
			.append(", code ")
			.append(new MarkedText(List.of(new MarkedText.Span("A1<2", MarkedText.Style.CODE))))
			.append(new MarkedText(List.of(new MarkedText.Span(" *not bold* _x_", MarkedText.Style.ITALIC))));

		assertThat(TelegramHtml.html(text)).isEqualTo(
				"Hi <b>&lt;b&gt;Eve&lt;/b&gt; &amp; \"Co\"</b>, code <code>A1&lt;2</code><i> *not bold* _x_</i>");
	}

	@Test
	void should_show_a_command_as_its_slash_command_whatever_word_the_text_shows() {
		MarkedText text = MarkedText.plain("Отправьте ")
			.append(new MarkedText(List.of(MarkedText.Span.command("help", "помощь"))));

		assertThat(TelegramHtml.html(text)).isEqualTo("Отправьте /help");
	}

	@Test
	void should_label_buttons_with_plain_text_when_a_reward_name_has_html_characters() throws Exception {
		OutgoingMessage.Text text = new OutgoingMessage.Text(MarkedText.plain("Pick"),
				List.of(List.of(new OutgoingMessage.Button("Redeem Fish & <Chips>", "rw:r:1"))));

		JSONAssert.assertEquals(
				"""
						{"reply_markup": {"inline_keyboard": [[{"text": "Redeem Fish & <Chips>", "callback_data": "rw:r:1"}]]}}""",
				json(TelegramMessages.render("42", text).get(0)), JSONCompareMode.LENIENT);
	}

	private static String json(TelegramOutbound request) {
		return TelegramJson.string(TelegramJson.request(((TelegramOutbound.Text) request).message()));
	}

}
