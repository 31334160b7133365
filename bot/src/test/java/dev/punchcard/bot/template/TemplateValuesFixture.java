package dev.punchcard.bot.template;

import dev.punchcard.bot.conversation.BotLinksFixture;
import dev.punchcard.core.points.domain.ProgramFixture;

/** Template values as the application fills them, without chat links. */
public final class TemplateValuesFixture {

	private TemplateValuesFixture() {
	}

	public static TemplateValues values() {
		return new TemplateValues(BotLinksFixture.none(), ProgramFixture.program());
	}

}
