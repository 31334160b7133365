package dev.punchcard.core.shared.domain;

/** A chat platform through which customers and staff talk to the program. */
public enum ChatChannel {

	/** Telegram Bot API. */
	TELEGRAM,
	/** WhatsApp Cloud API. */
	WHATSAPP

}
