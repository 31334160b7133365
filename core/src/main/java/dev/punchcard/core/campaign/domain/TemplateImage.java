package dev.punchcard.core.campaign.domain;

/** The image a Telegram template sends with its text, if any. */
public enum TemplateImage {

	/** Text only. */
	NONE,

	/** The member's card QR code. */
	MEMBER_CARD,

	/**
	 * The QR code of the campaign voucher issued to the member as the message is sent.
	 */
	CAMPAIGN_VOUCHER

}
