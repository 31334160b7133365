package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.bot.conversation.MessageNotAllowedException;

/**
 * WhatsApp refused a free-form message: more than 24 hours have passed since the user
 * last wrote (131047). Only a template may go to them now.
 */
class OutsideWindowException extends MessageNotAllowedException {

	OutsideWindowException(String to) {
		super(to, "more than 24 hours since the user last wrote (131047)");
	}

}
