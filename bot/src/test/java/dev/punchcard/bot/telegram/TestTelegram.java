package dev.punchcard.bot.telegram;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.bot.intake.InMemoryInboundUpdates;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/** Builds the Telegram edge by hand against a WireMock Bot API, without Spring. */
final class TestTelegram {

	static final String TOKEN = "123456:TEST-token_abc";

	static final String SECRET = "s3cret-T0ken_x";

	private TestTelegram() {
	}

	/** Settings bound like the application binds them, defaults included. */
	static TelegramProperties properties(String apiUrl, String... overrides) {
		Map<String, String> values = new HashMap<>();
		values.put("punchcard.telegram.token", TOKEN);
		values.put("punchcard.telegram.api-url", apiUrl);
		values.put("punchcard.telegram.webhook-secret", SECRET);
		values.put("punchcard.telegram.retries.first-backoff", "50ms");
		// generous: the first requests of a cold JVM can be slow, and a timeout repeats a
		// send
		values.put("punchcard.telegram.timeouts.request", "10s");
		values.put("punchcard.telegram.intake.sweep-every", "1h");
		for (String override : overrides) {
			String[] pair = override.split("=", 2);
			values.put("punchcard.telegram." + pair[0], pair[1]);
		}
		return new Binder(new MapConfigurationPropertySource(values))
			.bind("punchcard.telegram", TelegramProperties.class)
			.get();
	}

	static TelegramBotApi api(TelegramProperties properties) {
		return new TelegramBotApi(BotApiTransport.create(WebClient.builder(), properties),
				new BotApiRetry(properties.retries(), Schedulers.parallel()));
	}

	/** A Bot API answer {@code {"ok": true, "result": <result>}}. */
	static ResponseDefinitionBuilder ok(String result) {
		return WireMock.okJson("{\"ok\":true,\"result\":" + result + "}");
	}

	static ResponseDefinitionBuilder sentMessage() {
		return ok("{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}");
	}

	static ResponseDefinitionBuilder error(int code, String description) {
		return WireMock
			.jsonResponse("{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}", code);
	}

	static String path(String method) {
		return "/bot" + TOKEN + "/" + method;
	}

	/**
	 * The intake and processing of the edge over the given store and conversation, with a
	 * real sender; {@link #start()} subscribes the lanes.
	 */
	record Edge(TelegramProperties properties, InMemoryInboundUpdates store, FakeConversation conversation,
			DurableIntake intake) {

		static Edge over(TelegramProperties properties, ReachabilityListener reachability) {
			InMemoryInboundUpdates store = new InMemoryInboundUpdates(Clock.systemUTC());
			FakeConversation conversation = new FakeConversation();
			TelegramBotApi api = api(properties);
			TelegramChatSender sender = new TelegramChatSender(api,
					new SendRateLimiter(properties.rateLimits(), Schedulers.parallel()));
			TelegramUpdates mapping = new TelegramUpdates(new BotIdentity("punchcard_bot"),
					properties.photoMaxBytes().toBytes());
			DurableIntake intake = new DurableIntake(ChatChannel.TELEGRAM, store,
					new UpdateHandler(mapping, conversation, sender, reachability), properties.intake(),
					Schedulers.parallel());
			return new Edge(properties, store, conversation, intake);
		}

		/**
		 * Subscribes the intake's lanes and sweeps; the sweeps are far apart unless a
		 * test sets {@code intake.sweep-every}, so tests sweep when they choose.
		 */
		Disposable start() {
			return this.intake.run().subscribe();
		}

	}

}
