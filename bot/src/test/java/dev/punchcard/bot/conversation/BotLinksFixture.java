package dev.punchcard.bot.conversation;

import java.util.List;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Links of a bot with no chat channel configured. */
public final class BotLinksFixture {

	private BotLinksFixture() {
	}

	public static BotLinks none() {
		return new BotLinks(List.of(), new StaticListableBeanFactory().getBeanProvider(BotPhoneNumbers.class));
	}

}
