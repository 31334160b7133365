package dev.punchcard.webhooks.whatsapp;

import java.util.List;
import java.util.Map;

import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * A template's "Stop promotions" quick reply is sent with the STOP_PROMOTIONS payload.
 */
class WhatsAppStopButtonTest {

	@Test
	void should_give_the_stop_quick_reply_its_payload_and_leave_the_other_buttons_alone() throws Exception {
		TemplateListing listing = new TemplateListing("987", "winter_sale", "ru", "MARKETING", TemplateStatus.APPROVED,
				ParameterFormat.POSITIONAL,
				List.of(TemplateComponent.of("BODY", null, "Скидка 20%", List.of()),
						TemplateComponent.of("BUTTONS", null, null,
								List.of(TemplateButton.of("QUICK_REPLY", "Интересно", null),
										TemplateButton.of("QUICK_REPLY", "Отписаться", null)))));
		WhatsAppTemplate template = new WhatsAppTemplate(TemplateId.random(), listing, TestClock.NOW, null);
		MemberFieldValues member = new MemberFieldValues(CustomerId.random(), "Иван", "ru", "Bronze", 0, null, 0, null,
				"REF", 1, "79001234567", null);

		RenderedTemplate rendered = new WhatsAppTemplateRenderer().render(template, member,
				new TemplateFill(Map.of(), "CARD", ""));

		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "79001234567",
				 "type": "template", "biz_opaque_callback_data": "punchcard:broadcast",
				 "template": {"name": "winter_sale", "language": {"code": "ru"},
				 "components": [{"type": "button", "sub_type": "quick_reply", "index": "1",
				                 "parameters": [{"type": "payload", "payload": "STOP_PROMOTIONS"}]}]}}""",
				rendered.requests().get(0), JSONCompareMode.STRICT);
	}

}
