package dev.punchcard.bot.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.bot.template.TemplateRenderer;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.Placeholders;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Broadcast recipients, templates and settings for the sender's tests. */
final class BroadcastFixture {

	static final BroadcastId BROADCAST = new BroadcastId(
			java.util.UUID.fromString("0b0adca5-0000-4000-8000-000000000001"));

	private BroadcastFixture() {
	}

	/** The settings bound as the application binds them, defaults included. */
	static BroadcastSendingProperties settings(String... overrides) {
		Map<String, String> values = new HashMap<>();
		for (String override : overrides) {
			String[] pair = override.split("=", 2);
			values.put("punchcard.broadcasts.sending." + pair[0], pair[1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("punchcard.broadcasts.sending",
				BroadcastSendingProperties.class);
	}

	/** A Telegram template greeting {@code {{name}}}, in English and Russian. */
	static TelegramTemplate telegramGreeting() {
		StaffId author = StaffId.random();
		return new TelegramTemplate(TemplateId.random(), "greeting",
				Map.of("en", "Hi {{name}}", "ru", "Привет, {{name}}"), TemplateImage.NONE, List.of(), author,
				TestClock.NOW, author, TestClock.NOW);
	}

	/** A Telegram template that gives {@code {{voucher}}}, a campaign voucher's code. */
	static TelegramTemplate telegramVoucher() {
		StaffId author = StaffId.random();
		return new TelegramTemplate(TemplateId.random(), "voucher", Map.of("en", "Your code: {{voucher}}"),
				TemplateImage.NONE, List.of(), author, TestClock.NOW, author, TestClock.NOW);
	}

	static TemplateUse greetingUse() {
		return new TemplateUse(Map.of("name", new Binding.ToField(MemberField.FIRST_NAME)), null);
	}

	static TemplateUse voucherUse(RewardId reward) {
		return new TemplateUse(Map.of("voucher", new Binding.ToField(MemberField.CAMPAIGN_VOUCHER)), reward);
	}

	/** A WhatsApp template with one body parameter, {@code {{1}}}. */
	static WhatsAppTemplate whatsApp(String name, String language, TemplateStatus status) {
		TemplateListing listing = new TemplateListing("ext-" + name + "-" + language, name, language, "MARKETING",
				status, ParameterFormat.POSITIONAL,
				List.of(TemplateComponent.of("BODY", null, "Hello {{1}}", List.of())));
		return new WhatsAppTemplate(TemplateId.random(), listing, TestClock.NOW, null);
	}

	static TemplateUse whatsAppUse() {
		return new TemplateUse(Map.of("body.1", new Binding.ToField(MemberField.FIRST_NAME)), null);
	}

	static MemberFieldValues member(CustomerId id, String name, String language, long cardNumber) {
		return new MemberFieldValues(id, name, language, "Bronze", 120, "Silver", 5000, null, "REF" + cardNumber,
				cardNumber, null, null);
	}

	static ClaimedRecipient recipient(long id, CustomerId customer, ChatChannel channel, String chatId, String language,
			MessageTemplate template, TemplateUse use) {
		return new ClaimedRecipient(id, BROADCAST, customer, channel, chatId, language, template.id(), use,
				"broadcast:" + BROADCAST, 1, TestClock.NOW.plus(Duration.ofMinutes(2)));
	}

	/**
	 * Renders as the edges' renderers do, simply: the text in the member's language with
	 * the values put in, one request naming the chat and the voucher code.
	 */
	static TemplateRenderer renderer(ChatChannel channel) {
		return new TemplateRenderer() {

			@Override
			public ChatChannel channel() {
				return channel;
			}

			@Override
			public RenderedTemplate render(MessageTemplate template, MemberFieldValues member, TemplateFill fill) {
				String text = switch (template) {
					case TelegramTemplate telegram -> Placeholders.filled(telegram.textFor(member.language()),
							(key) -> fill.values().getOrDefault(key, ""));
					case WhatsAppTemplate whatsApp -> whatsApp.language() + ":" + fill.values().get("body.1");
				};
				@Nullable String chat = (channel == ChatChannel.TELEGRAM) ? member.telegramChatId() : member.whatsAppId();
				return new RenderedTemplate(text,
						List.of("{\"chat\":\"" + chat + "\",\"voucher\":\"" + fill.voucherCode() + "\"}"), chat);
			}

		};
	}

	static Instant now() {
		return TestClock.NOW;
	}

}
