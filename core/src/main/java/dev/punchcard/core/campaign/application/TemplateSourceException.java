package dev.punchcard.core.campaign.application;

/**
 * Meta's template listing could not be had (no answer, or an error answer); its message
 * says why, without secrets.
 */
public class TemplateSourceException extends RuntimeException {

	public TemplateSourceException(String message) {
		super(message, null, false, false);
	}

}
