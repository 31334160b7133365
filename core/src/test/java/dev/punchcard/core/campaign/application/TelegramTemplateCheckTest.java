package dev.punchcard.core.campaign.application;

import java.util.List;
import java.util.Map;

import dev.punchcard.core.campaign.application.TelegramTemplateCheck.Checked;
import dev.punchcard.core.campaign.application.TelegramTemplateCommand.ButtonInput;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramTemplateCheckTest {

	private static final StaffId MARKETER = StaffId.random();

	@Test
	void should_accept_a_template_when_every_rule_holds() {
		Checked checked = TelegramTemplateCheck.check(command("  Spring sale ",
				Map.of("en", "Hi *{{first_name}}*,\nyou have {{balance}} points", "ru-RU", "Привет, {{ first_name }}"),
				TemplateImage.MEMBER_CARD,
				List.of(new ButtonInput("Invite", "{{referral_link}}", null),
						new ButtonInput("Shop", "https://shop.example/?who={{first_name}}", null),
						new ButtonInput("Rewards", null, "rewards"))));

		assertThat(checked).isInstanceOfSatisfying(Checked.Valid.class, (valid) -> {
			assertThat(valid.name()).isEqualTo("Spring sale");
			assertThat(valid.image()).isEqualTo(TemplateImage.MEMBER_CARD);
			assertThat(valid.buttons()).containsExactly(new TelegramButton("Invite", "{{referral_link}}", null),
					new TelegramButton("Shop", "https://shop.example/?who={{first_name}}", null),
					new TelegramButton("Rewards", null, "rewards"));
		});
	}

	@Test
	void should_accept_a_label_per_language_of_the_texts_and_keep_the_default_languages_as_the_label() {
		Checked checked = TelegramTemplateCheck.check(command("n", Map.of("en", "Hi", "ru", "Привет"), null, List
			.of(new ButtonInput(null, Map.of("ru", " Магазин ", "en", "Shop"), "https://shop.example/", null))));

		assertThat(checked)
			.isInstanceOfSatisfying(Checked.Valid.class, (valid) -> assertThat(valid.buttons()).containsExactly(
					new TelegramButton("Shop", Map.of("en", "Shop", "ru", "Магазин"), "https://shop.example/", null)));
		Checked russianOnly = TelegramTemplateCheck.check(command("n", Map.of("ru", "Привет", "uk", "Привіт"), null,
				List.of(new ButtonInput(null, Map.of("ru", "Магазин"), null, "rewards"))));
		assertThat(russianOnly).as("without English the first language in order is the default")
			.isInstanceOfSatisfying(Checked.Valid.class,
					(valid) -> assertThat(valid.buttons().get(0).label()).isEqualTo("Магазин"));
	}

	@Test
	void should_name_each_wrong_label_when_labels_per_language_break_a_rule() {
		assertThat(errors(command("n", Map.of("en", "Hi", "ru", "Привет"), null,
				List.of(new ButtonInput(null, Map.of("ru", "Магазин"), null, "rewards"),
						new ButtonInput(null, Map.of("en", "Shop", "de", "Laden"), null, "rewards"),
						new ButtonInput(null, Map.of("en", " ", "ru", "x".repeat(65)), null, "rewards")))))
			.extracting(FieldError::field)
			.containsExactly("buttons[0].label", "buttons[1].label.de", "buttons[2].label.en", "buttons[2].label.ru");
		assertThat(errors(command("n", Map.of("en", "Hi"), null,
				List.of(new ButtonInput(null, Map.of("de", "Laden"), null, "rewards")))))
			.extracting(FieldError::message)
			.containsExactly(
					"must give a label in the template's default language en (English if it has an English text)",
					"is not a language of the template's texts (en)");
	}

	@Test
	void should_name_the_field_when_a_placeholder_is_not_a_member_field() {
		assertThat(errors(command("n", Map.of("en", "Hi {{first_name}} {{surname}}"), null, null))).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("texts.en");
				assertThat(error.message()).contains("{{surname}}").contains("first_name, balance");
			});
		assertThat(errors(command("n", Map.of("en", "Hi"), null,
				List.of(new ButtonInput("Go", "https://x.example/{{code}}", null)))))
			.extracting(FieldError::field)
			.containsExactly("buttons[0].url");
	}

	@Test
	void should_refuse_a_blank_name_or_text_and_a_template_without_texts() {
		assertThat(errors(command(" ", Map.of("en", " \n "), null, null))).extracting(FieldError::field)
			.containsExactly("name", "texts.en");
		assertThat(errors(command("n", Map.of(), null, null))).extracting(FieldError::field).containsExactly("texts");
		assertThat(errors(command("n", Map.of("english", "Hi"), null, null))).extracting(FieldError::field)
			.containsExactly("texts.english");
	}

	@Test
	void should_refuse_a_text_over_telegrams_limits_when_it_is_a_message_or_a_caption() {
		String longest = "a".repeat(4096);

		assertThat(errors(command("n", Map.of("en", longest), TemplateImage.NONE, null))).isEmpty();
		assertThat(errors(command("n", Map.of("en", longest + "a"), TemplateImage.NONE, null))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("4096"));
		assertThat(errors(command("n", Map.of("en", "a".repeat(1024)), TemplateImage.CAMPAIGN_VOUCHER, null)))
			.isEmpty();
		assertThat(errors(command("n", Map.of("en", "a".repeat(1025)), TemplateImage.CAMPAIGN_VOUCHER, null)))
			.singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("1024"));
	}

	@Test
	void should_refuse_more_buttons_than_allowed_and_buttons_that_are_not_one_thing() {
		ButtonInput ok = new ButtonInput("Rewards", null, "rewards");
		assertThat(errors(command("n", Map.of("en", "Hi"), null, List.of(ok, ok, ok, ok))))
			.extracting(FieldError::field)
			.containsExactly("buttons");
		assertThat(errors(command("n", Map.of("en", "Hi"), null,
				List.of(new ButtonInput("Both", "https://x.example", "rewards"), new ButtonInput("", null, "Rewards!"),
						new ButtonInput("Ftp", "ftp://x.example", null)))))
			.extracting(FieldError::field)
			.containsExactly("buttons[0]", "buttons[1].command", "buttons[1].label", "buttons[2].url");
	}

	@Test
	void should_refuse_control_characters_but_allow_line_breaks_and_tabs_in_texts() {
		assertThat(errors(command("Sale\u0000", Map.of("en", "Hi\u0007", "ru", "Строка\n\tдве"), null,
				List.of(new ButtonInput("G\u2028o", null, "rewards")))))
			.extracting(FieldError::field)
			.containsExactly("buttons[0].label", "name", "texts.en");
	}

	private static List<FieldError> errors(TelegramTemplateCommand command) {
		Checked checked = TelegramTemplateCheck.check(command);
		return (checked instanceof Checked.Invalid invalid) ? invalid.errors().stream().sorted().toList() : List.of();
	}

	private static TelegramTemplateCommand command(String name, Map<String, String> texts,
			@Nullable TemplateImage image, @Nullable List<ButtonInput> buttons) {
		return new TelegramTemplateCommand(name, texts, image, buttons, MARKETER);
	}

}
