package dev.punchcard.bot.telegram;

import dev.punchcard.bot.intake.BoundedBodies;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One HTTP exchange with the Bot API: {@code POST {apiUrl}/bot{token}/{method}} and
 * {@code GET {apiUrl}/file/bot{token}/{path}}, each with a timeout. Every failure leaves
 * as a {@link BotApiException} whose message never contains the token.
 */
final class BotApiTransport {

	private final WebClient web;

	private final String token;

	private final TelegramProperties.Timeouts timeouts;

	private BotApiTransport(WebClient web, String token, TelegramProperties.Timeouts timeouts) {
		this.web = web;
		this.token = token;
		this.timeouts = timeouts;
	}

	static BotApiTransport create(WebClient.Builder builder, TelegramProperties properties) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeouts().connect().toMillis());
		WebClient web = builder.clone()
			.baseUrl(properties.apiUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
		return new BotApiTransport(web, properties.requiredToken(), properties.timeouts());
	}

	/** Posts a JSON body; emits the {@code result}. */
	Mono<JsonNode> postJson(String method, byte[] json) {
		return this.web.post()
			.uri((uri) -> uri.pathSegment("bot" + this.token, method).build())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchangeToMono((response) -> answer(method, response))
			.timeout(this.timeouts.request())
			.onErrorMap((error) -> !(error instanceof BotApiException), (error) -> unanswered(method, error));
	}

	/** Posts a multipart form (file uploads); emits the {@code result}. */
	Mono<JsonNode> postMultipart(String method, MultiValueMap<String, HttpEntity<?>> parts) {
		return this.web.post()
			.uri((uri) -> uri.pathSegment("bot" + this.token, method).build())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts))
			.exchangeToMono((response) -> answer(method, response))
			.timeout(this.timeouts.request())
			.onErrorMap((error) -> !(error instanceof BotApiException), (error) -> unanswered(method, error));
	}

	/**
	 * Emits the file's bytes, or completes empty when it is over {@code maxBytes} or
	 * gone.
	 */
	Mono<byte[]> download(String filePath, int maxBytes) {
		String[] segments = Arrays.stream(filePath.split("/")).filter((s) -> !s.isEmpty()).toArray(String[]::new);
		return this.web.get()
			.uri((uri) -> uri.pathSegment("file", "bot" + this.token).pathSegment(segments).build())
			.exchangeToMono((response) -> body(response, maxBytes))
			.timeout(this.timeouts.download())
			.onErrorMap((error) -> !(error instanceof BotApiException), (error) -> unanswered("download", error));
	}

	private static Mono<JsonNode> answer(String method, ClientResponse response) {
		int status = response.statusCode().value();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map((body) -> BotApiAnswers.result(method, status, body));
	}

	private static Mono<byte[]> body(ClientResponse response, int maxBytes) {
		int status = response.statusCode().value();
		if (status == 400 || status == 404) {
			return response.releaseBody().then(Mono.empty());
		}
		if (!response.statusCode().is2xxSuccessful()) {
			return response.releaseBody()
				.then(Mono.error(() -> BotApiException.rejected("download", status, "HTTP " + status, null)));
		}
		return BoundedBodies.read(response.body(BodyExtractors.toDataBuffers()), maxBytes)
			.onErrorResume(DataBufferLimitException.class, (tooLarge) -> Mono.empty());
	}

	private BotApiException unanswered(String method, Throwable error) {
		String reason = (error instanceof TimeoutException) ? "timed out" : error.getClass().getSimpleName() + ": "
				+ String.valueOf(error.getMessage()).replace(this.token, "<token>");
		return BotApiException.unanswered(method, reason);
	}

}
