package dev.punchcard.bot.reply;

import java.util.List;

import dev.punchcard.bot.conversation.MarkedText;
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
		return new OutgoingMessage.Text(this.texts.text(language, "menu.title"),
				List.of(List.of(button(language, "menu.profile", "m:profile"), button(language, "menu.card", "m:card")),
						List.of(button(language, "menu.rewards", "m:rewards"),
								button(language, "menu.purchases", "m:purchases")),
						List.of(button(language, "menu.help", "m:help"))));
	}

	/** The bundle's text for the key. */
	public MarkedText marked(String language, String key, Object... args) {
		return this.texts.text(language, key, args);
	}

	/** The bundle's text for the key without styles: button labels. */
	public String plain(String language, String key, Object... args) {
		return this.texts.plain(language, key, args);
	}

	public OutgoingMessage text(String language, String key, Object... args) {
		return OutgoingMessage.Text.of(this.texts.text(language, key, args));
	}

	public OutgoingMessage askForPhone(String language) {
		return askForPhone(language, "phone.ask");
	}

	/** Asks for the user's own phone number with the bundle's text for the key. */
	public OutgoingMessage askForPhone(String language, String key) {
		return new OutgoingMessage.AskForPhone(this.texts.text(language, key),
				this.texts.plain(language, "phone.button"));
	}

	/** A choice labelled with the bundle's text for the key. */
	public Button button(String language, String key, String data, Object... args) {
		return new Button(this.texts.plain(language, key, args), data);
	}

}
