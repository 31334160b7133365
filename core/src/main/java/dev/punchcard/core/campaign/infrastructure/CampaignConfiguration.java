package dev.punchcard.core.campaign.infrastructure;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.campaign.application.CampaignVouchers;
import dev.punchcard.core.campaign.application.ChangeTelegramTemplate;
import dev.punchcard.core.campaign.application.CreateTelegramTemplate;
import dev.punchcard.core.campaign.application.DeleteTelegramTemplate;
import dev.punchcard.core.campaign.application.IssueCampaignVoucher;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.campaign.application.TemplateSource;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.Rewards;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

	@Bean
	WhatsAppTemplates whatsAppTemplates(DatabaseClient db, ObjectMapper json) {
		return new R2dbcWhatsAppTemplates(db, json);
	}

	@Bean
	TelegramTemplates telegramTemplates(DatabaseClient db, ObjectMapper json) {
		return new R2dbcTelegramTemplates(db, json);
	}

	@Bean
	MemberFields memberFields(DatabaseClient db, LoyaltyProgram program, Clock clock) {
		return new R2dbcMemberFields(db, program.tiers(), clock);
	}

	@Bean
	CampaignVouchers campaignVouchers(DatabaseClient db) {
		return new R2dbcCampaignVouchers(db);
	}

	/** Without a {@link TemplateSource} (WhatsApp not configured) a sync says so. */
	@Bean
	SyncWhatsAppTemplates syncWhatsAppTemplates(ObjectProvider<TemplateSource> source, WhatsAppTemplates templates,
			Clock clock) {
		return new SyncWhatsAppTemplates(source.getIfAvailable(), templates, clock);
	}

	@Bean
	TemplateCatalog templateCatalog(WhatsAppTemplates whatsApp, TelegramTemplates telegram) {
		return new TemplateCatalog(whatsApp, telegram);
	}

	@Bean
	CreateTelegramTemplate createTelegramTemplate(TelegramTemplates templates, Clock clock) {
		return new CreateTelegramTemplate(templates, clock);
	}

	@Bean
	ChangeTelegramTemplate changeTelegramTemplate(TelegramTemplates templates, Clock clock) {
		return new ChangeTelegramTemplate(templates, clock);
	}

	@Bean
	DeleteTelegramTemplate deleteTelegramTemplate(TelegramTemplates templates, Clock clock) {
		return new DeleteTelegramTemplate(templates, clock);
	}

	@Bean
	IssueCampaignVoucher issueCampaignVoucher(Customers customers, Rewards rewards, CampaignVouchers vouchers,
			PointsLedger ledger, CodeSigner codes, Clock clock) {
		return new IssueCampaignVoucher(customers, rewards, vouchers, ledger, new RedeemReward.Issuer(codes, clock));
	}

}
