package dev.punchcard.core.consent.infrastructure;

import java.time.Clock;

import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.consent.application.MarketingConsents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

	@Bean
	MarketingConsents marketingConsents(DatabaseClient db) {
		return new R2dbcMarketingConsents(db);
	}

	@Bean
	ChangeMarketingConsent changeMarketingConsent(MarketingConsents consents, Clock clock) {
		return new ChangeMarketingConsent(consents, clock);
	}

}
