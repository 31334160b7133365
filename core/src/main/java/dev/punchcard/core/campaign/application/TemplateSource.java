package dev.punchcard.core.campaign.application;

import dev.punchcard.core.campaign.domain.TemplateListing;
import reactor.core.publisher.Flux;

/** Where WhatsApp templates come from: Meta's listing of the business account's. */
public interface TemplateSource {

	/** The business account whose templates {@link #listAll()} lists. */
	String account();

	/**
	 * Emits every template of the account, page after page, then completes; errors with
	 * {@link TemplateSourceException} when the listing cannot be had.
	 */
	Flux<TemplateListing> listAll();

}
