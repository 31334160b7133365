package dev.punchcard.webhooks.whatsapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
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

	private final @Nullable MeterRegistry meters;

	WhatsAppWebhookRoute(WhatsAppWebhookReceiver receiver, @Nullable MeterRegistry meters) {
		this.receiver = receiver;
		this.meters = meters;
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.post(PATH, this::handle);
	}

	Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		int maxBytes = this.receiver.maxBodyBytes();
		long declared = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		Mono<WhatsAppWebhookReceiver.Outcome> outcome = (declared > maxBytes)
				? Mono.just(WhatsAppWebhookReceiver.Outcome.TOO_LARGE)
				: read(request, maxBytes)
					.flatMap((body) -> this.receiver.receive(body, request.requestHeaders().get(SIGNATURE_HEADER)))
					.onErrorResume(TooLarge.class, (tooLarge) -> Mono.just(WhatsAppWebhookReceiver.Outcome.TOO_LARGE));
		return outcome.flatMap((answer) -> answer(response, answer).doOnTerminate(() -> timed(answer, started)));
	}

	/** The whole body, or {@link TooLarge} as soon as it passes {@code maxBytes}. */
	private static Mono<byte[]> read(HttpServerRequest request, int maxBytes) {
		return request.receive()
			.reduceWith(ByteArrayOutputStream::new, (body, part) -> append(body, part, maxBytes))
			.map(ByteArrayOutputStream::toByteArray)
			.defaultIfEmpty(new byte[0]);
	}

	private static ByteArrayOutputStream append(ByteArrayOutputStream body, ByteBuf part, int maxBytes) {
		int length = part.readableBytes();
		if (body.size() + length > maxBytes) {
			throw new TooLarge();
		}
		byte[] bytes = new byte[length];
		part.readBytes(bytes);
		body.writeBytes(bytes);
		return body;
	}

	private static Mono<Void> answer(HttpServerResponse response, WhatsAppWebhookReceiver.Outcome outcome) {
		response.status(HttpResponseStatus.valueOf(outcome.status()));
		String problem = outcome.problem();
		if (problem == null) {
			return response.send().then();
		}
		String json = "{\"type\":\"about:blank\",\"title\":\""
				+ HttpResponseStatus.valueOf(outcome.status()).reasonPhrase() + "\",\"status\":" + outcome.status()
				+ ",\"detail\":\"" + problem + "\",\"instance\":\"" + PATH + "\"}";
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.sendByteArray(Mono.just(json.getBytes(StandardCharsets.UTF_8)))
			.then();
	}

	private void timed(WhatsAppWebhookReceiver.Outcome outcome, long started) {
		if (this.meters != null) {
			Timer.builder("punchcard.webhook.requests")
				.description("Webhook requests served by Reactor Netty ahead of WebFlux")
				.tag("channel", "whatsapp")
				.tag("status", Integer.toString(outcome.status()))
				.register(this.meters)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/** The body passed the limit while it was read. */
	private static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("webhook body over the limit", null, false, false);
		}

	}

}
