package dev.punchcard.app.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts embedded PostgreSQL and Redis for an application context that has no connection
 * settings, each decided on its own, and puts their URLs in front of every other property
 * source. The servers belong to the context and stop after it has closed.
 */
final class EmbeddedServersLauncher implements ApplicationListener<SpringApplicationEvent> {

	static final String PROPERTY_SOURCE_NAME = "punchcardEmbeddedServers";

	private static final List<String> POSTGRES_SETTINGS = List.of("spring.r2dbc.url");

	private static final List<String> REDIS_SETTINGS = List.of("spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes");

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServersLauncher.class);

	private @Nullable EmbeddedServers servers;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationPreparedEvent prepared) {
			launch(prepared.getApplicationContext());
		}
		else if (event instanceof ApplicationFailedEvent && this.servers != null) {
			// a failure before the context was refreshed never destroys its beans
			this.servers.stop();
		}
	}

	private void launch(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		EmbeddedProperties properties = EmbeddedProperties.of(environment);
		boolean postgresGiven = !noneGiven(environment, POSTGRES_SETTINGS);
		warnIfFlywayHasNoUrl(environment, postgresGiven);
		boolean postgres = properties.enabled() && !postgresGiven;
		boolean redis = properties.enabled() && noneGiven(environment, REDIS_SETTINGS);
		if (!postgres && !redis) {
			return;
		}
		EmbeddedServers started = register(context, new EmbeddedServers());
		this.servers = started;
		Map<String, Object> urls = new LinkedHashMap<>();
		if (postgres) {
			urls.putAll(startPostgres(started, properties));
		}
		if (redis) {
			urls.putAll(startRedis(started, properties));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, urls));
	}

	private static boolean noneGiven(ConfigurableEnvironment environment, List<String> settings) {
		return settings.stream().noneMatch((name) -> StringUtils.hasText(environment.getProperty(name)));
	}

	private static void warnIfFlywayHasNoUrl(ConfigurableEnvironment environment, boolean postgresGiven) {
		boolean flyway = environment.getProperty("spring.flyway.enabled", Boolean.class, true);
		if (postgresGiven && flyway && !StringUtils.hasText(environment.getProperty("spring.flyway.url"))) {
			log.warn("spring.r2dbc.url is set but spring.flyway.url is not: the schema will not be migrated");
		}
	}

	/**
	 * Registers the servers as the context's first disposable bean, before anything
	 * starts, so that whatever starts next is stopped with the context, and stopped last.
	 */
	private static EmbeddedServers register(ConfigurableApplicationContext context, EmbeddedServers servers) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(EmbeddedServers.BEAN_NAME, servers);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(EmbeddedServers.BEAN_NAME, servers);
		}
		return servers;
	}

	private static Map<String, Object> startPostgres(EmbeddedServers servers, EmbeddedProperties properties) {
		Path directory = properties.postgresDirectory();
		long started = System.nanoTime();
		try {
			EmbeddedPostgresServer postgres = servers
				.add(EmbeddedPostgresServer.start(directory, properties.postgresPort()));
			log.info("Started embedded PostgreSQL {} on port {} with data in {} ({} ms)", postgres.majorVersion(),
					postgres.port(), directory, elapsedMillis(started));
			return Map.of("spring.r2dbc.url", postgres.r2dbcUrl(), "spring.r2dbc.username", EmbeddedPostgresServer.USER,
					"spring.flyway.url", postgres.jdbcUrl(), "spring.flyway.user", EmbeddedPostgresServer.USER);
		}
		catch (IOException | RuntimeException ex) {
			servers.stop();
			throw new IllegalStateException("Cannot start the embedded PostgreSQL with data in " + directory
					+ "; its log is " + directory.resolveSibling("postgres.log"), ex);
		}
	}

	private static Map<String, Object> startRedis(EmbeddedServers servers, EmbeddedProperties properties) {
		Path directory = properties.redisDirectory();
		long started = System.nanoTime();
		try {
			EmbeddedRedisServer redis = servers.add(EmbeddedRedisServer.start(directory, properties.redisPort()));
			log.info("Started embedded Redis on port {} with data in {} ({} ms)", redis.port(), directory,
					elapsedMillis(started));
			return Map.of("spring.data.redis.url", redis.url());
		}
		catch (IOException | RuntimeException ex) {
			servers.stop();
			throw new IllegalStateException("Cannot start the embedded Redis with data in " + directory, ex);
		}
	}

	private static long elapsedMillis(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

}
