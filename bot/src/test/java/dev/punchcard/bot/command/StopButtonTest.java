package dev.punchcard.bot.command;

import java.util.List;
import java.util.Optional;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.consent.application.InMemoryMarketingConsents;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A broadcast template's "Stop promotions" button on Telegram ({@code m:stop}). */
class StopButtonTest {

	private final InMemoryMarketingConsents consents = new InMemoryMarketingConsents();

	private final Texts texts = new Texts();

	private final MenuButtons buttons = new MenuButtons(List
		.of(new StopCommand(new ChangeMarketingConsent(this.consents, TestClock.fixed()), new Menus(this.texts))),
			new Menus(this.texts));

	@Test
	void should_opt_the_member_out_on_telegram_and_confirm_in_their_language_when_they_press_stop_promotions() {
		ChatEvent press = new ChatEvent("7", ChatChannel.TELEGRAM, "222222222", "222222222", "Иван", "ru",
				new ChatInput.ButtonPress("cb-1", "m:stop"));

		this.buttons.press(new ChatContext(press, "ru", Optional.empty(), Mono.empty()), "stop")
			.as(StepVerifier::create)
			.assertNext((messages) -> assertThat(messages)
				.containsExactly(OutgoingMessage.Text.of(this.texts.text("ru", "consent.stopped"))))
			.verifyComplete();

		this.consents.optedOut(ChatChannel.TELEGRAM, "222222222")
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
		this.consents.optedOut(ChatChannel.WHATSAPP, "222222222")
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
	}

}
