package dev.punchcard.core.campaign.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateBindingsTest {

	private static final Binding FIRST_NAME = new Binding.ToField(MemberField.FIRST_NAME);

	private static final Binding VOUCHER = new Binding.ToField(MemberField.CAMPAIGN_VOUCHER);

	/** Header {{1}}, body {{1}} {{2}}, a URL button with {{1}}. */
	private final WhatsAppTemplate positional = whatsApp(ParameterFormat.POSITIONAL,
			TemplateComponent.of("HEADER", "TEXT", "Hello {{1}}", List.of()),
			TemplateComponent.of("BODY", null, "Your code {{2}} for {{1}}", List.of()),
			TemplateComponent.of("FOOTER", null, "Reply STOP to opt out", List.of()),
			TemplateComponent.of("BUTTONS", null, null, List.of(TemplateButton.of("QUICK_REPLY", "Stop", null),
					TemplateButton.of("URL", "Shop", "https://shop.example/{{1}}"))));

	@Test
	void should_list_a_whatsapp_templates_parameters_by_component() {
		assertThat(this.positional.parameterKeys()).containsExactly("header.1", "body.2", "body.1", "button.1.1");
	}

	@Test
	void should_find_nothing_wrong_when_every_parameter_is_bound_once() {
		TemplateUse use = new TemplateUse(Map.of("header.1", FIRST_NAME, "body.1", new Binding.ToConstant("Spring"),
				"body.2", VOUCHER, "button.1.1", new Binding.ToConstant("spring")), RewardId.random());

		assertThat(TemplateBindings.check(this.positional, use)).isEmpty();
	}

	@Test
	void should_name_each_parameter_left_unbound_and_each_binding_of_no_parameter() {
		TemplateUse use = new TemplateUse(Map.of("body.1", FIRST_NAME, "body.3", FIRST_NAME), null);

		assertThat(TemplateBindings.check(this.positional, use)).extracting(FieldError::field)
			.containsExactly("bindings.body.2", "bindings.body.3", "bindings.button.1.1", "bindings.header.1");
	}

	@Test
	void should_refuse_a_constant_that_is_blank_too_long_or_not_on_one_line() {
		WhatsAppTemplate one = whatsApp(ParameterFormat.NAMED,
				TemplateComponent.of("BODY", null, "Hi {{first_name}}", List.of()));

		for (String bad : List.of(" ", "a".repeat(1025), "two\nlines")) {
			assertThat(TemplateBindings.check(one,
					new TemplateUse(Map.of("body.first_name", new Binding.ToConstant(bad)), null)))
				.extracting(FieldError::field)
				.containsExactly("bindings.body.first_name");
		}
		assertThat(TemplateBindings.check(one,
				new TemplateUse(Map.of("body.first_name", new Binding.ToConstant("a".repeat(1024))), null)))
			.isEmpty();
	}

	@Test
	void should_want_a_voucher_reward_exactly_when_the_campaign_voucher_is_shown() {
		TelegramTemplate withVoucherImage = telegram("Hi {{first_name}}", TemplateImage.CAMPAIGN_VOUCHER);
		TelegramTemplate plain = telegram("Hi {{first_name}}", TemplateImage.NONE);
		Map<String, Binding> bindings = Map.of("first_name", FIRST_NAME);

		assertThat(TemplateBindings.check(withVoucherImage, new TemplateUse(bindings, null)))
			.extracting(FieldError::field)
			.containsExactly("voucherRewardId");
		assertThat(TemplateBindings.check(withVoucherImage, new TemplateUse(bindings, RewardId.random()))).isEmpty();
		assertThat(TemplateBindings.check(plain, new TemplateUse(bindings, RewardId.random())))
			.extracting(FieldError::field)
			.containsExactly("voucherRewardId");
		assertThat(TemplateBindings.check(plain, new TemplateUse(Map.of("first_name", VOUCHER), null)))
			.extracting(FieldError::field)
			.containsExactly("voucherRewardId");
	}

	@Test
	void should_bind_a_telegram_templates_placeholders_from_every_language_and_button() {
		TelegramTemplate template = new TelegramTemplate(TemplateId.random(), "t",
				Map.of("en", "Hi {{first_name}}", "ru", "{{tier}}!"), TemplateImage.NONE,
				List.of(new TelegramButton("Go", "{{referral_link}}", null)), StaffId.random(), Instant.EPOCH,
				StaffId.random(), Instant.EPOCH);

		assertThat(template.parameterKeys()).containsExactly("first_name", "referral_link", "tier");
		assertThat(TemplateBindings.check(template, new TemplateUse(Map.of("first_name", FIRST_NAME), null)))
			.extracting(FieldError::field)
			.containsExactly("bindings.referral_link", "bindings.tier");
	}

	@Test
	void should_send_image_video_and_document_headers_but_say_why_a_location_header_cannot_be_sent() {
		for (String media : List.of("IMAGE", "VIDEO", "DOCUMENT")) {
			WhatsAppTemplate template = whatsApp(ParameterFormat.POSITIONAL,
					TemplateComponent.of("HEADER", media, null, List.of()),
					TemplateComponent.of("BODY", null, "Hi {{1}}", List.of()));

			assertThat(template.whyNotSendable()).as(media).isEmpty();
			assertThat(template.parameterKeys()).containsExactly("header." + media.toLowerCase(), "body.1");
		}
		WhatsAppTemplate location = whatsApp(ParameterFormat.POSITIONAL,
				TemplateComponent.of("HEADER", "LOCATION", null, List.of()),
				TemplateComponent.of("BODY", null, "Hi {{1}}", List.of()));
		assertThat(location.whyNotSendable()).hasValueSatisfying((why) -> assertThat(why).contains("LOCATION header"));
	}

	@Test
	void should_accept_only_a_constant_https_link_when_a_media_header_is_bound() {
		WhatsAppTemplate withImage = whatsApp(ParameterFormat.POSITIONAL,
				TemplateComponent.of("HEADER", "IMAGE", null, List.of()),
				TemplateComponent.of("BODY", null, "Hi {{1}}", List.of()));

		assertThat(
				TemplateBindings.check(withImage,
						new TemplateUse(Map.of("header.image",
								new Binding.ToConstant("https://cdn.example/spring.jpg?v=2"), "body.1", FIRST_NAME),
								null)))
			.isEmpty();
		for (Binding wrong : List.of(new Binding.ToConstant("http://cdn.example/spring.jpg"),
				new Binding.ToConstant("https:///no-host.jpg"), new Binding.ToConstant("cdn.example/spring.jpg"),
				new Binding.ToConstant("https://cdn.example/a b.jpg"), new Binding.ToConstant("javascript:alert(1)"),
				new Binding.ToConstant("https://user:pw@cdn.example/x.jpg"),
				new Binding.ToConstant("https://cdn.example/" + "x".repeat(2000)), FIRST_NAME)) {
			assertThat(TemplateBindings.check(withImage,
					new TemplateUse(Map.of("header.image", wrong, "body.1", FIRST_NAME), null)))
				.as(wrong.toString())
				.singleElement()
				.satisfies((error) -> {
					assertThat(error.field()).isEqualTo("bindings.header.image");
					assertThat(error.message()).contains("https link");
				});
		}
		assertThat(TemplateBindings.check(withImage, new TemplateUse(Map.of("body.1", FIRST_NAME), null)))
			.singleElement()
			.satisfies((error) -> assertThat(error.message()).isEqualTo("must be bound to a constant https link"));
	}

	static WhatsAppTemplate whatsApp(ParameterFormat format, TemplateComponent... components) {
		return new WhatsAppTemplate(TemplateId.random(), new TemplateListing("1", "spring_sale", "en_US", "MARKETING",
				TemplateStatus.APPROVED, format, List.of(components)), Instant.EPOCH, null);
	}

	private static TelegramTemplate telegram(String text, TemplateImage image) {
		return new TelegramTemplate(TemplateId.random(), "t", Map.of("en", text), image, List.of(), StaffId.random(),
				Instant.EPOCH, StaffId.random(), Instant.EPOCH);
	}

}
