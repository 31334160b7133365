package dev.punchcard.app.settings;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the documented environment names ({@code TELEGRAM_BOT_TOKEN},
 * {@code TELEGRAM_MODE}, {@code TELEGRAM_API_URL}, {@code TELEGRAM_WEBHOOK_SECRET},
 * {@code TELEGRAM_WEBHOOK_URL}, {@code TELEGRAM_BOT_USERNAME}) into
 * {@code punchcard.telegram.*}. A name that is unset or blank sets nothing, so optional
 * settings stay absent rather than empty; properties set directly
 * ({@code punchcard.telegram.*}) win.
 */
class ChatPlatformAliases implements EnvironmentPostProcessor, Ordered {

	private static final Map<String, String> ALIASES = Map.of("TELEGRAM_BOT_TOKEN", "punchcard.telegram.token",
			"TELEGRAM_MODE", "punchcard.telegram.mode", "TELEGRAM_API_URL", "punchcard.telegram.api-url",
			"TELEGRAM_WEBHOOK_SECRET", "punchcard.telegram.webhook-secret", "TELEGRAM_WEBHOOK_URL",
			"punchcard.telegram.webhook-url", "TELEGRAM_BOT_USERNAME", "punchcard.telegram.bot-username");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> mapped = new HashMap<>();
		ALIASES.forEach((name, property) -> {
			String value = environment.getProperty(name);
			if (value != null && !value.isBlank() && !environment.containsProperty(property)) {
				mapped.put(property, value.strip());
			}
		});
		if (!mapped.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("punchcard-chat-platform-aliases", mapped));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
