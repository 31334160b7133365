package dev.punchcard.webhooks.whatsapp;

/**
 * Sending on WhatsApp stopped because the account or token cannot work (see
 * {@link WhatsAppAccount}); nothing was sent.
 */
class WhatsAppSendingStoppedException extends RuntimeException {

	WhatsAppSendingStoppedException(int code) {
		super("WhatsApp sending is stopped on this instance after Meta error " + code, null, false, false);
	}

}
