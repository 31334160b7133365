package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.bot.intake.WebhookExchanges;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.web.embedded.netty.NettyRouteProvider;

/**
 * {@code POST /webhooks/whatsapp}, served by Reactor Netty itself, ahead of WebFlux and
 * its filter chain: the busiest endpoint of the WhatsApp channel needs none of what that
 * chain does (Meta authenticates by the body's signature, which is checked here, in
 * constant time, before anything is read from it), and skipping it cuts the service's CPU
 * per request from about 0.5 ms to a few hundredths (BENCHMARKS.md, "WhatsApp webhook
 * path"). The body is read up to the configured limit; every answer but 200 is a problem
 * document. Requests are timed as {@code punchcard.webhook.requests} (channel, status),
 * since WebFlux's {@code http.server.requests} does not see them. Other methods and paths
 * go on to WebFlux (the {@code GET} handshake is {@link WhatsAppWebhookController}'s).
 */
final class WhatsAppWebhookRoute implements NettyRouteProvider {

	static final String PATH = "/webhooks/whatsapp";

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private final WhatsAppWebhookReceiver receiver;

	private final WebhookExchanges exchanges;

	WhatsAppWebhookRoute(WhatsAppWebhookReceiver receiver, @Nullable MeterRegistry meters) {
		this.receiver = receiver;
		this.exchanges = new WebhookExchanges("whatsapp", PATH, meters);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.post(PATH, this::handle);
	}

	Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		return WebhookExchanges.body(request, this.receiver.maxBodyBytes())
			.flatMap((body) -> this.receiver.receive(body, request.requestHeaders().get(SIGNATURE_HEADER)))
			.onErrorResume(WebhookExchanges.BodyTooLarge.class,
					(tooLarge) -> Mono.just(WhatsAppWebhookReceiver.Outcome.TOO_LARGE))
			.flatMap((outcome) -> this.exchanges.answer(response, outcome.status(), outcome.problem(), started));
	}

}
