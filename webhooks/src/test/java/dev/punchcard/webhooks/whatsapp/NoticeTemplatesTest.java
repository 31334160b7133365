package dev.punchcard.webhooks.whatsapp;

import java.util.List;
import java.util.Map;

import dev.punchcard.bot.notify.NoticeFields;
import dev.punchcard.webhooks.whatsapp.WhatsAppProperties.NoticeTemplate;
import dev.punchcard.webhooks.whatsapp.WhatsAppProperties.ParameterFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoticeTemplatesTest {

	private static final Map<String, String> LANGUAGES = Map.of("en", "en_US", "ru", "ru");

	@Test
	void should_give_every_kind_of_notification_a_working_default_when_nothing_is_configured() {
		NoticeTemplates templates = new NoticeTemplates(Map.of(), LANGUAGES);

		assertThat(NoticeFields.kinds()).allSatisfy((kind) -> assertThat(templates.of(kind)).isPresent());
		assertThat(templates.of("PointsCredited")).contains(new NoticeTemplates.Template("points_credited",
				List.of("points", "store", "balance"), ParameterFormat.POSITIONAL));
		assertThat(templates.of("RewardRedeemed").orElseThrow().name()).isEqualTo("voucher_issued");
		assertThat(templates.of("Unknown")).isEmpty();
		assertThat(templates.language("en")).isEqualTo("en_US");
		assertThat(templates.language("de")).isEqualTo("de");
	}

	@Test
	void should_override_only_the_parts_given_when_a_setting_names_a_kind_in_any_spelling() {
		NoticeTemplates templates = new NoticeTemplates(
				Map.of("points-credited", new NoticeTemplate("shop_points", null, null), "REFERRALBONUSPAID",
						new NoticeTemplate(null, List.of("balance"), ParameterFormat.NAMED)),
				LANGUAGES);

		assertThat(templates.of("PointsCredited")).contains(new NoticeTemplates.Template("shop_points",
				List.of("points", "store", "balance"), ParameterFormat.POSITIONAL));
		assertThat(templates.of("ReferralBonusPaid"))
			.contains(new NoticeTemplates.Template("referral_bonus", List.of("balance"), ParameterFormat.NAMED));
	}

	@Test
	void should_stop_start_up_when_a_setting_names_an_unknown_kind_a_missing_field_or_a_bad_name() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NoticeTemplates(Map.of("points", new NoticeTemplate("x", null, null)), LANGUAGES))
			.withMessageContaining("punchcard.whatsapp.templates.points is not a kind");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NoticeTemplates(
					Map.of("voucher-cancelled", new NoticeTemplate(null, List.of("store"), null)), LANGUAGES))
			.withMessageContaining("'store', which VoucherCancelled does not have");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NoticeTemplates(
					Map.of("points-reversed", new NoticeTemplate("Points Reversed", null, null)), LANGUAGES))
			.withMessageContaining("lowercase");
	}

}
