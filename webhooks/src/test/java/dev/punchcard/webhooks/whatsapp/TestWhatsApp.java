package dev.punchcard.webhooks.whatsapp;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings of the WhatsApp edge for tests, bound as the application binds them. */
final class TestWhatsApp {

	static final String ACCESS_TOKEN = "EAAG-test-access-token";

	private TestWhatsApp() {
	}

	static WhatsAppProperties properties(String apiUrl, String... overrides) {
		Map<String, String> values = new HashMap<>();
		values.put("punchcard.whatsapp.access-token", ACCESS_TOKEN);
		values.put("punchcard.whatsapp.phone-number-id", WhatsAppFixtures.PHONE_NUMBER_ID);
		values.put("punchcard.whatsapp.app-secret", WhatsAppFixtures.APP_SECRET);
		values.put("punchcard.whatsapp.verify-token", WhatsAppFixtures.VERIFY_TOKEN);
		values.put("punchcard.whatsapp.api-url", apiUrl);
		values.put("punchcard.whatsapp.retries.first-backoff", "20ms");
		// the tests sweep when they choose
		values.put("punchcard.whatsapp.intake.sweep-every", "1h");
		for (String override : overrides) {
			String[] pair = override.split("=", 2);
			values.put("punchcard.whatsapp." + pair[0], pair[1]);
		}
		return new Binder(new MapConfigurationPropertySource(values))
			.bind("punchcard.whatsapp", WhatsAppProperties.class)
			.get();
	}

}
