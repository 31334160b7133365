package dev.punchcard.core.store.infrastructure;

import java.time.Duration;

import dev.punchcard.core.store.application.OpenStore;
import dev.punchcard.core.store.application.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	Stores stores(DatabaseClient db) {
		return new CachedStores(new R2dbcStores(db), Duration.ofSeconds(30));
	}

	@Bean
	OpenStore openStore(Stores stores) {
		return new OpenStore(stores);
	}

}
