package dev.punchcard.bot.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
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

	@Test
	void should_label_each_button_in_the_members_language_and_fall_back_to_the_default_language_when_it_has_none()
			throws Exception {
		TelegramTemplate template = new TelegramTemplate(TemplateId.random(), "t",
				Map.of("en", "Spring sale", "ru", "Весенняя распродажа", "de", "Frühlingsangebot"), TemplateImage.NONE,
				List.of(new TelegramButton("Shop", Map.of("en", "Shop", "ru", "Магазин"), "https://shop.example/",
						null), new TelegramButton("Rewards", null, "rewards")),
				StaffId.random(), Instant.EPOCH, StaffId.random(), Instant.EPOCH);

		assertThat(labels(template, "ru")).containsExactly("Магазин", "Rewards");
		assertThat(labels(template, "de")).as("no German label: the default language's")
			.containsExactly("Shop", "Rewards");
		assertThat(labels(template, "fr")).as("no French text: the default language's text and labels")
			.containsExactly("Shop", "Rewards");
	}

	private static List<String> labels(TelegramTemplate template, String language) throws Exception {
		MemberFieldValues member = new MemberFieldValues(CustomerId.random(), "Ann", language, "Bronze", 0, null, 0,
				null, "REF", 1, null, "4242");
		String request = new TelegramTemplateRenderer().render(template, member, new TemplateFill(Map.of(), "CARD", ""))
			.requests()
			.get(0);
		JsonNode keyboard = new ObjectMapper().readTree(request).at("/reply_markup/inline_keyboard");
		return keyboard.findValuesAsText("text");
	}

}
