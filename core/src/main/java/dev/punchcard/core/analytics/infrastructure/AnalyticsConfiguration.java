package dev.punchcard.core.analytics.infrastructure;

import dev.punchcard.core.analytics.application.AnalyticsReadings;
import dev.punchcard.core.analytics.application.AnalyticsRollups;
import dev.punchcard.core.analytics.application.ShowAnalytics;
import dev.punchcard.core.points.infrastructure.ProgramProperties;
import dev.punchcard.core.store.application.Stores;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	@Bean
	AnalyticsReadings analyticsReadings(DatabaseClient db) {
		return new R2dbcAnalyticsReadings(db);
	}

	@Bean
	AnalyticsRollups analyticsRollups(DatabaseClient db, AnalyticsProperties properties) {
		return new R2dbcAnalyticsRollups(db, properties.rollupLag());
	}

	@Bean
	ShowAnalytics showAnalytics(Stores stores, AnalyticsReadings readings, AnalyticsProperties properties,
			ProgramProperties program) {
		return new ShowAnalytics(stores, readings, properties.pointValueMinor(), program.timeZone());
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.analytics.scheduled", havingValue = "true", matchIfMissing = true)
	RollupSchedule analyticsRollupSchedule(AnalyticsRollups rollups, AnalyticsProperties properties) {
		return new RollupSchedule(rollups, properties.rollupEvery());
	}

}
