package dev.punchcard.bot.telegram;

import dev.punchcard.bot.intake.InMemoryInboundUpdates;
import java.time.Clock;

import dev.punchcard.bot.conversation.ChatFiles;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.core.chat.application.InboundUpdates;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(TelegramConfiguration.class, TelegramWebhookRoute.class)
		.withBean(InboundUpdates.class, () -> new InMemoryInboundUpdates(Clock.systemUTC()))
		.withBean(Conversation.class, FakeConversation::new)
		// nothing listens there: start-up calls fail fast and are only logged
		.withPropertyValues("punchcard.telegram.rate-limits.shared=false",
				"punchcard.telegram.api-url=http://127.0.0.1:1", "punchcard.telegram.retries.max-attempts=1");

	@Test
	void should_create_no_telegram_beans_when_the_token_is_empty() {
		this.context.withPropertyValues("punchcard.telegram.token=").run((app) -> {
			assertThat(app).hasNotFailed();
			assertThat(app).doesNotHaveBean(ChatSender.class)
				.doesNotHaveBean(TelegramLongPolling.class)
				.doesNotHaveBean(TelegramWebhookRoute.class);
		});
	}

	@Test
	void should_create_no_polling_when_the_nested_configuration_is_found_by_scanning_without_a_token() {
		new ApplicationContextRunner().withUserConfiguration(TelegramConfiguration.Polling.class)
			.withPropertyValues("punchcard.telegram.token=")
			.run((app) -> assertThat(app).hasNotFailed().doesNotHaveBean(TelegramLongPolling.class));
	}

	@Test
	void should_poll_and_offer_no_webhook_when_only_a_token_is_set() {
		// as config/application.yml binds unset variables: empty strings
		this.context
			.withPropertyValues("punchcard.telegram.token=" + TestTelegram.TOKEN, "punchcard.telegram.webhook-secret=",
					"punchcard.telegram.webhook-url=", "punchcard.telegram.bot-username=")
			.run((app) -> {
				assertThat(app).hasSingleBean(TelegramLongPolling.class)
					.hasSingleBean(ChatSender.class)
					.hasSingleBean(ChatFiles.class)
					.doesNotHaveBean(TelegramWebhookRoute.class);
			});
	}

	@Test
	void should_offer_the_webhook_and_not_poll_when_in_webhook_mode() {
		this.context
			.withPropertyValues("punchcard.telegram.token=" + TestTelegram.TOKEN, "punchcard.telegram.mode=webhook",
					"punchcard.telegram.webhook-secret=" + TestTelegram.SECRET)
			.run((app) -> assertThat(app).hasSingleBean(TelegramWebhookRoute.class)
				.doesNotHaveBean(TelegramLongPolling.class));
	}

	@Test
	void should_refuse_to_start_when_webhook_mode_has_no_secret() {
		this.context
			.withPropertyValues("punchcard.telegram.token=" + TestTelegram.TOKEN, "punchcard.telegram.mode=webhook")
			.run((app) -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("webhook-secret is required"));
	}

	@Test
	void should_refuse_to_start_when_the_secret_has_characters_telegram_does_not_allow() {
		this.context
			.withPropertyValues("punchcard.telegram.token=" + TestTelegram.TOKEN, "punchcard.telegram.mode=webhook",
					"punchcard.telegram.webhook-secret=not allowed!")
			.run((app) -> assertThat(app).hasFailed());
	}

}
