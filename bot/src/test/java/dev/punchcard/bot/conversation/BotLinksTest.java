package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class BotLinksTest {

	@Test
	void should_link_each_channel_its_own_way_when_the_bots_name_and_number_are_known() {
		BotLinks links = links(Optional.of("punchcard_bot"), Optional.of("15550001234"));

		assertThat(links.referral(ChatChannel.TELEGRAM, "abc123"))
			.isEqualTo("https://t.me/punchcard_bot?start=r-abc123");
		assertThat(links.referral(ChatChannel.WHATSAPP, "abc123"))
			.isEqualTo("https://wa.me/15550001234?text=REF%20abc123");
		assertThat(links.staff(ChatChannel.WHATSAPP, "k2m")).contains("https://wa.me/15550001234?text=STAFF%20k2m");
		assertThat(links.staff(ChatChannel.TELEGRAM, "k2m")).contains("https://t.me/punchcard_bot?start=staff-k2m");
		assertThat(links.chat(ChatChannel.WHATSAPP, "связать AB-CD"))
			.contains("https://wa.me/15550001234?text=%D1%81%D0%B2%D1%8F%D0%B7%D0%B0%D1%82%D1%8C%20AB-CD");
		assertThat(links.chat(ChatChannel.TELEGRAM, "link AB-CD")).contains("https://t.me/punchcard_bot");
		assertThat(links.chatLink(ChatChannel.TELEGRAM, "ABCDEFGH", "link ABCD-EFGH"))
			.contains("https://t.me/punchcard_bot?start=link-ABCDEFGH");
		assertThat(links.chatLink(ChatChannel.WHATSAPP, "ABCDEFGH", "связать ABCD-EFGH"))
			.contains("https://wa.me/15550001234?text=%D1%81%D0%B2%D1%8F%D0%B7%D0%B0%D1%82%D1%8C%20ABCD-EFGH");
	}

	@Test
	void should_give_the_words_to_send_when_the_bots_name_or_number_is_not_known() {
		BotLinks links = links(Optional.empty(), Optional.empty());

		assertThat(links.referral(ChatChannel.TELEGRAM, "abc123")).isEqualTo("/start r-abc123");
		assertThat(links.referral(ChatChannel.WHATSAPP, "abc123")).isEqualTo("REF abc123");
		assertThat(links.staff(ChatChannel.WHATSAPP, "k2m")).isEmpty();
		assertThat(links.chat(ChatChannel.TELEGRAM, "link AB-CD")).isEmpty();
		assertThat(links.chatLink(ChatChannel.TELEGRAM, "ABCDEFGH", "link ABCD-EFGH")).isEmpty();
	}

	private static BotLinks links(Optional<String> username, Optional<String> number) {
		BotUsernames telegram = new BotUsernames() {

			@Override
			public ChatChannel channel() {
				return ChatChannel.TELEGRAM;
			}

			@Override
			public Optional<String> username() {
				return username;
			}

		};
		BotPhoneNumbers whatsApp = new BotPhoneNumbers() {

			@Override
			public ChatChannel channel() {
				return ChatChannel.WHATSAPP;
			}

			@Override
			public Optional<String> displayNumber() {
				return number;
			}

		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("whatsApp", whatsApp);
		return new BotLinks(List.of(telegram), beans.getBeanProvider(BotPhoneNumbers.class));
	}

}
