package dev.punchcard.app.embedded;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded servers.
 *
 * @param enabled whether to start embedded servers when connection settings are missing
 * @param dataDir where PostgreSQL ({@code postgres/}) and Redis ({@code redis/}) keep
 * their data; relative paths start from the working directory
 * @param postgresPort PostgreSQL's port, or 0 for a free one
 * @param redisPort Redis' port, or 0 for a free one
 */
@ConfigurationProperties("punchcard.embedded")
@Validated
record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDir,
		@DefaultValue("0") @PositiveOrZero @Max(65535) int postgresPort,
		@DefaultValue("0") @PositiveOrZero @Max(65535) int redisPort) {

	/** Binds the settings straight from the environment, before any bean exists. */
	static EmbeddedProperties of(Environment environment) {
		return Binder.get(environment).bindOrCreate("punchcard.embedded", EmbeddedProperties.class);
	}

	Path postgresDirectory() {
		return this.dataDir.resolve("postgres").toAbsolutePath().normalize();
	}

	Path redisDirectory() {
		return this.dataDir.resolve("redis").toAbsolutePath().normalize();
	}

}
