package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.core.campaign.application.TemplateSource;
import dev.punchcard.core.campaign.application.TemplateSourceException;
import dev.punchcard.core.campaign.domain.TemplateListing;
import reactor.core.publisher.Flux;

/**
 * {@link TemplateSource} from the Graph API: every page of the business account's message
 * templates, with the timeouts and retries of every Graph API call; a failure leaves as
 * {@link TemplateSourceException} with Meta's reason.
 */
class GraphApiTemplateSource implements TemplateSource {

	private final GraphApi api;

	private final String account;

	private final WhatsAppProperties.TemplateSync settings;

	GraphApiTemplateSource(GraphApi api, WhatsAppProperties properties) {
		this.api = api;
		this.account = properties.requiredBusinessAccountId();
		this.settings = properties.templateSync();
	}

	@Override
	public String account() {
		return this.account;
	}

	@Override
	public Flux<TemplateListing> listAll() {
		return this.api.templatePages(this.account, this.settings.pageSize(), this.settings.maxPages())
			.concatMapIterable(WhatsAppTemplateListings::of)
			.onErrorMap(GraphApiException.class, (error) -> new TemplateSourceException(error.getMessage()));
	}

}
