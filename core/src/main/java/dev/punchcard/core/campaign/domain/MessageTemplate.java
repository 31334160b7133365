package dev.punchcard.core.campaign.domain;

import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;

/** A message a marketer can send: a synced WhatsApp template or a Telegram one. */
public sealed interface MessageTemplate permits WhatsAppTemplate, TelegramTemplate {

	TemplateId id();

	String name();

	ChatChannel channel();

	/**
	 * The keys of every value a send needs, each to be bound to a member field or a
	 * constant.
	 */
	List<String> parameterKeys();

}
