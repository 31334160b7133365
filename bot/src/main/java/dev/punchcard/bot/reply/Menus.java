package dev.punchcard.bot.reply;

import java.util.List;

import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import org.springframework.stereotype.Component;

/** The main menu and other recurring messages. */
@Component
public class Menus {

	private final Texts texts;

	public Menus(Texts texts) {
		this.texts = texts;
	}

	/** The main menu: profile, card, rewards, purchases, help. */
	public OutgoingMessage mainMenu(String language) {
		return new OutgoingMessage.Text(this.texts.html(language, "menu.title"),
				List.of(List.of(button(language, "menu.profile", "m:profile"), button(language, "menu.card", "m:card")),
						List.of(button(language, "menu.rewards", "m:rewards"),
								button(language, "menu.purchases", "m:purchases")),
						List.of(button(language, "menu.help", "m:help"))));
	}

	public String html(String language, String key, Object... args) {
		return this.texts.html(language, key, args);
	}

	public OutgoingMessage text(String language, String key, Object... args) {
		return OutgoingMessage.Text.of(this.texts.html(language, key, args));
	}

	public OutgoingMessage askForPhone(String language) {
		return new OutgoingMessage.AskForPhone(this.texts.html(language, "phone.ask"),
				this.texts.html(language, "phone.button"));
	}

	private Button button(String language, String key, String data) {
		return new Button(this.texts.html(language, key), data);
	}

}
