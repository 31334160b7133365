package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import dev.punchcard.core.campaign.application.TemplateSource;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Syncing message templates from the Graph API: exists when the channel runs and the
 * business account id is set; without it a sync answers that WhatsApp is not configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWhatsApp
@Conditional(WhatsAppTemplateConfiguration.BusinessAccountGiven.class)
class WhatsAppTemplateConfiguration {

	@Bean
	TemplateSource whatsAppTemplateSource(GraphApi api, WhatsAppProperties properties) {
		return new GraphApiTemplateSource(api, properties);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.whatsapp.template-sync.scheduled", havingValue = "true",
			matchIfMissing = true)
	TemplateSyncSchedule whatsAppTemplateSyncSchedule(SyncWhatsAppTemplates sync, WhatsAppProperties properties) {
		return new TemplateSyncSchedule(sync, properties.templateSync());
	}

	/** The condition: {@code punchcard.whatsapp.business-account-id} is not blank. */
	static class BusinessAccountGiven extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String id = context.getEnvironment().getProperty("punchcard.whatsapp.business-account-id");
			return WhatsAppProperties.given(id) ? ConditionOutcome.match("a WhatsApp business account id is set")
					: ConditionOutcome.noMatch("no punchcard.whatsapp.business-account-id");
		}

	}

}
