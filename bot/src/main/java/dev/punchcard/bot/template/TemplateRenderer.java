package dev.punchcard.bot.template;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * One channel's rendering of its templates: the exact requests its API gets to send the
 * template to the member, with the values filled and escaped the channel's way. Each edge
 * implements it; nothing is sent.
 */
public interface TemplateRenderer {

	/** The channel whose templates it renders. */
	ChatChannel channel();

	/**
	 * The template as the member would get it.
	 * @param template a template of {@link #channel()}
	 * @param member the recipient
	 * @param fill the values of the template's parameters and of its image
	 */
	RenderedTemplate render(MessageTemplate template, MemberFieldValues member, TemplateFill fill);

}
