package dev.punchcard.bot.telegram;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramTemplateRendererTest {

	@Test
	void should_keep_underscores_of_placeholder_names_out_of_the_mark_up_when_a_text_has_several() {
		String html = TelegramHtml.html(TelegramTemplateRenderer.marked(
				"Hi {{first_name}}, see you at _{{home_store}}_ with {{balance}} points",
				Map.of("first_name", "Ann", "home_store", "Main", "balance", "12")));

		assertThat(html).isEqualTo("Hi Ann, see you at <i>Main</i> with 12 points");
	}

	@Test
	void should_show_a_members_mark_up_and_html_as_typed_when_it_fills_a_placeholder() {
		String html = TelegramHtml
			.html(TelegramTemplateRenderer.marked("*{{first_name}}*", Map.of("first_name", "<i>*Ann*</i> & _co_")));

		assertThat(html).isEqualTo("<b>&lt;i&gt;*Ann*&lt;/i&gt; &amp; _co_</b>");
	}

}
