package dev.punchcard.webhooks.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Who a WhatsApp user is, with every id a webhook gives: the phone number is not the only
 * key (users with a username may come without one).
 *
 * @param waId the phone number WhatsApp verified, digits only, when given
 * @param userId the business-scoped user id (BSUID), when given
 * @param parentUserId the BSUID's parent (same person across a business portfolio), when
 * given
 * @param name the profile name, possibly empty (untrusted text)
 */
record WhatsAppIdentity(@Nullable String waId, @Nullable String userId, @Nullable String parentUserId, String name) {

	/**
	 * The id the engine knows the user by: the phone number when there is one (stable for
	 * everyone today), else the BSUID.
	 */
	String key() {
		if (this.waId != null) {
			return this.waId;
		}
		if (this.userId != null) {
			return this.userId;
		}
		throw new IllegalStateException("a WhatsApp identity without any id");
	}

	/**
	 * The phone number WhatsApp verified, in E.164; never taken from a BSUID or from
	 * anything the user typed.
	 */
	@Nullable String verifiedPhone() {
		return (this.waId != null && this.waId.matches("[1-9][0-9]{6,14}")) ? "+" + this.waId : null;
	}

	@Override
	public String toString() {
		// no phone numbers or names in logs
		return "WhatsAppIdentity[" + ((this.userId != null) ? "bsuid" : "phone") + "]";
	}

}
