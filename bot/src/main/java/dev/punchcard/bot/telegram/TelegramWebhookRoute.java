package dev.punchcard.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.bot.intake.WebhookExchanges;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/telegram}, served by Reactor Netty itself, ahead of WebFlux and
 * its filter chain (Telegram authenticates with the secret header, checked here in
 * constant time before the body is read): stores the update and answers 200 before
 * anything is handled. 401 without the right secret, 400 for a body that is no update,
 * 413 for one over the size limit; in all three nothing is stored. When storing fails the
 * answer is 503, so Telegram delivers the update again. Refusals are problem documents;
 * requests are timed ({@link WebhookExchanges}).
 */
@Component
@ConditionalOnTelegramToken
@ConditionalOnProperty(prefix = "punchcard.telegram", name = "mode", havingValue = "webhook")
class TelegramWebhookRoute implements NettyRouteProvider {

	static final String PATH = "/webhooks/telegram";

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRoute.class);

	private final DurableIntake intake;

	private final byte[] secret;

	private final TelegramProperties properties;

	private final WebhookExchanges exchanges;

	@Autowired
	TelegramWebhookRoute(DurableIntake telegramIntake, TelegramProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		this(telegramIntake, properties, meters.getIfAvailable());
	}

	TelegramWebhookRoute(DurableIntake telegramIntake, TelegramProperties properties, @Nullable MeterRegistry meters) {
		this.intake = telegramIntake;
		this.properties = properties;
		this.secret = Objects.requireNonNull(properties.webhookSecret(), "punchcard.telegram.webhook-secret")
			.getBytes(StandardCharsets.UTF_8);
		this.exchanges = new WebhookExchanges("telegram", PATH, meters);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.post(PATH, this::handle);
	}

	Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		String given = request.requestHeaders().get(SECRET_HEADER);
		if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), this.secret)) {
			return this.exchanges.answer(response, 401,
					"The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.", started);
		}
		int maxBytes = (int) this.properties.webhookMaxBody().toBytes();
		return WebhookExchanges.body(request, maxBytes)
			.flatMap(this::accept)
			.onErrorResume(WebhookExchanges.BodyTooLarge.class,
					(tooLarge) -> Mono.just(new Answer(413, "The body is larger than this webhook accepts.")))
			.flatMap((answer) -> this.exchanges.answer(response, answer.status(), answer.problem(), started));
	}

	private Mono<Answer> accept(byte[] body) {
		return UpdateEnvelope.read(body)
			.map((envelope) -> this.intake.accept(envelope.received(new String(body, StandardCharsets.UTF_8)))
				.timeout(this.properties.intake().storeTimeout())
				.thenReturn(new Answer(200, null))
				.onErrorResume((error) -> {
					log.warn("A Telegram update was not stored; Telegram will deliver it again: {}", error.toString());
					return Mono.just(new Answer(503, "The update could not be stored now; deliver it again."));
				}))
			.orElseGet(() -> Mono.just(new Answer(400, "The body is not a Telegram update.")));
	}

	private record Answer(int status, @Nullable String problem) {
	}

}
