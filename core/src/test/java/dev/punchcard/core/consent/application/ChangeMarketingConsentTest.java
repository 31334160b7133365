package dev.punchcard.core.consent.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeMarketingConsentTest {

	private final InMemoryMarketingConsents consents = new InMemoryMarketingConsents();

	private final ChangeMarketingConsent change = new ChangeMarketingConsent(this.consents, TestClock.fixed());

	@Test
	void should_stop_marketing_once_per_channel_and_resume_it_when_the_member_says_so() {
		assertThat(this.change.optIn(ChatChannel.WHATSAPP, "16505551234", "chat:start").block()).as("never stopped")
			.isFalse();
		assertThat(this.change.optOut(ChatChannel.WHATSAPP, "16505551234", "chat:stop").block()).isTrue();
		assertThat(this.change.optOut(ChatChannel.WHATSAPP, "16505551234", "chat:stop").block()).isFalse();

		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isTrue();
		assertThat(this.consents.optedOut(ChatChannel.TELEGRAM, "16505551234").block()).isFalse();
		assertThat(this.consents.sourceOf(ChatChannel.WHATSAPP, "16505551234")).isEqualTo("chat:stop");

		assertThat(this.change.optIn(ChatChannel.WHATSAPP, "16505551234", "chat:start").block()).isTrue();
		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isFalse();
	}

	@Test
	void should_keep_the_later_change_when_an_older_one_arrives_after_it() {
		Instant now = TestClock.NOW;
		this.change.optOut(ChatChannel.WHATSAPP, "16505551234", "whatsapp:user_preferences", now).block();

		assertThat(this.change
			.optIn(ChatChannel.WHATSAPP, "16505551234", "whatsapp:user_preferences", now.minus(Duration.ofMinutes(1)))
			.block()).isFalse();
		assertThat(this.consents.optedOut(ChatChannel.WHATSAPP, "16505551234").block()).isTrue();
	}

}
