package dev.punchcard.bot.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The plumbing of a webhook {@code POST} served by Reactor Netty itself, ahead of WebFlux
 * and its filter chain, for every edge: the body read whole up to a limit, the answer (a
 * problem document for every refusal), and the request's timer
 * ({@code punchcard.webhook.requests}, by channel and status, since WebFlux's
 * {@code http.server.requests} does not see these requests).
 */
public final class WebhookExchanges {

	/** Seconds a client should wait after a 503, as the staff API says. */
	static final String RETRY_AFTER_SECONDS = "5";

	private final String channel;

	private final String path;

	private final @Nullable MeterRegistry meters;

	/**
	 * @param channel the channel's name in the timer's tags
	 * @param path the webhook's path, the problem documents' {@code instance}
	 * @param meters where the timer goes; null for none
	 */
	public WebhookExchanges(String channel, String path, @Nullable MeterRegistry meters) {
		this.channel = channel;
		this.path = path;
		this.meters = meters;
	}

	/**
	 * Emits the whole body (empty bytes for none); errors with {@link BodyTooLarge} when
	 * its {@code Content-Length} or, while it is read, its bytes pass {@code maxBytes}.
	 */
	public static Mono<byte[]> body(HttpServerRequest request, int maxBytes) {
		if (request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1) > maxBytes) {
			return Mono.error(new BodyTooLarge());
		}
		return request.receive()
			.reduceWith(ByteArrayOutputStream::new, (body, part) -> append(body, part, maxBytes))
			.map(ByteArrayOutputStream::toByteArray)
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * Answers with the status, an empty body for a success and a problem document with
	 * the {@code problem} as its detail otherwise ({@code Retry-After} with a 503), and
	 * times the request from {@code startedNanos}.
	 */
	public Mono<Void> answer(HttpServerResponse response, int status, @Nullable String problem, long startedNanos) {
		HttpResponseStatus answered = HttpResponseStatus.valueOf(status);
		response.status(answered);
		if (status == HttpResponseStatus.SERVICE_UNAVAILABLE.code()) {
			// as the API's 503s: the platforms deliver again by their own schedule, any
			// other client is told when
			response.header(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		Mono<Void> sent;
		if (problem == null) {
			sent = response.send().then();
		}
		else {
			String json = "{\"type\":\"about:blank\",\"title\":\"" + answered.reasonPhrase() + "\",\"status\":" + status
					+ ",\"detail\":\"" + problem.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"instance\":\""
					+ this.path + "\"}";
			sent = response.header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.sendByteArray(Mono.just(json.getBytes(StandardCharsets.UTF_8)))
				.then();
		}
		return sent.doOnTerminate(() -> timed(status, startedNanos));
	}

	private void timed(int status, long startedNanos) {
		if (this.meters != null) {
			Timer.builder("punchcard.webhook.requests")
				.description("Webhook requests served by Reactor Netty ahead of WebFlux")
				.tag("channel", this.channel)
				.tag("status", Integer.toString(status))
				.register(this.meters)
				.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
		}
	}

	private static ByteArrayOutputStream append(ByteArrayOutputStream body, ByteBuf part, int maxBytes) {
		int length = part.readableBytes();
		if (body.size() + length > maxBytes) {
			throw new BodyTooLarge();
		}
		byte[] bytes = new byte[length];
		part.readBytes(bytes);
		body.writeBytes(bytes);
		return body;
	}

	/** The body passed the limit. */
	public static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("webhook body over the limit", null, false, false);
		}

	}

}
