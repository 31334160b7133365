package dev.punchcard.webhooks.whatsapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.intake.BoundedBodies;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Graph API calls of the WhatsApp channel: sending a message, uploading an image,
 * looking up and downloading a user's media, listing the message templates. Each call
 * carries the access token as a bearer token, has a timeout, and is repeated by
 * {@link GraphApiRetry}; failures leave as {@link GraphApiException}. Nothing happens
 * until subscription.
 */
class GraphApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** What a template listing asks for of each template. */
	static final String TEMPLATE_FIELDS = "name,language,status,category,id,parameter_format,components";

	private final WebClient web;

	private final String version;

	private final String phoneNumberId;

	private final String token;

	private final WhatsAppProperties.Timeouts timeouts;

	private final GraphApiRetry retry;

	private final URI origin;

	GraphApi(WebClient web, WhatsAppProperties properties, GraphApiRetry retry) {
		this.web = web;
		this.version = properties.apiVersion();
		this.phoneNumberId = properties.requiredPhoneNumberId();
		this.token = properties.requiredAccessToken();
		this.timeouts = properties.timeouts();
		this.retry = retry;
		this.origin = properties.apiUrl();
	}

	/**
	 * A client on Reactor Netty with the connect and response timeouts of the settings.
	 */
	static GraphApi create(WebClient.Builder builder, WhatsAppProperties properties, GraphApiRetry retry) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeouts().connect().toMillis())
			.responseTimeout(properties.timeouts().request());
		WebClient web = builder.clone()
			.baseUrl(properties.apiUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.defaultHeaders((headers) -> headers.setBearerAuth(properties.requiredAccessToken()))
			.build();
		return new GraphApi(web, properties, retry);
	}

	/** Posts a {@code /messages} body; emits the id (wamid) Meta gave the message. */
	Mono<String> send(ObjectNode body) {
		return call("send",
				() -> this.web.post()
					.uri("/{version}/{phoneNumberId}/messages", this.version, this.phoneNumberId)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(bytes(body)))
			.flatMap((answer) -> text("send", answer.path("messages").path(0).path("id")));
	}

	/**
	 * Posts a {@code /messages} body (JSON, as rendered) once, with the timeout but no
	 * {@link GraphApiRetry} (a broadcast's queue retries); emits the wamid.
	 */
	Mono<String> sendOnce(String body) {
		byte[] json = body.getBytes(StandardCharsets.UTF_8);
		return Mono
			.defer(() -> this.web.post()
				.uri("/{version}/{phoneNumberId}/messages", this.version, this.phoneNumberId)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(json)
				.exchangeToMono((response) -> answer("send", response)))
			.timeout(this.timeouts.request())
			.onErrorMap((error) -> !(error instanceof GraphApiException), (error) -> unanswered("send", error))
			.flatMap((answer) -> text("send", answer.path("messages").path(0).path("id")));
	}

	/**
	 * Lists the business account's message templates: the first page of {@code GET
	 * /{version}/{waba-id}/message_templates}, then each {@code paging.next} until there
	 * is none; emits each page's answer. A next page on another host than the API's is
	 * refused (it would get the token), and so is a listing of more than {@code maxPages}
	 * pages.
	 */
	Flux<JsonNode> templatePages(String accountId, int pageSize, int maxPages) {
		Mono<JsonNode> first = call("templates",
				() -> this.web.get()
					.uri("/{version}/{accountId}/message_templates?fields={fields}&limit={limit}", this.version,
							accountId, TEMPLATE_FIELDS, pageSize));
		return first.expand(this::nextPage).index().map((page) -> {
			if (page.getT1() >= maxPages) {
				throw new GraphApiException("templates", 200, 0, "the listing has more than " + maxPages + " pages",
						null);
			}
			return page.getT2();
		});
	}

	private Mono<JsonNode> nextPage(JsonNode page) {
		String next = page.path("paging").path("next").asText("");
		if (next.isBlank()) {
			return Mono.empty();
		}
		URI uri = URI.create(next);
		if (!sameOrigin(uri)) {
			return Mono.error(new GraphApiException("templates", 200, 0,
					"paging.next leads to another host than the Graph API's", null));
		}
		return call("templates", () -> this.web.get().uri(uri));
	}

	private boolean sameOrigin(URI uri) {
		return this.origin.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
				&& this.origin.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
				&& port(this.origin) == port(uri);
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** Uploads a PNG to the number's media; emits its media id. */
	Mono<String> uploadPng(byte[] png) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("messaging_product", "whatsapp");
		form.part("type", MediaType.IMAGE_PNG_VALUE);
		form.part("file", new ByteArrayResource(png)).filename("card.png").contentType(MediaType.IMAGE_PNG);
		return call("upload",
				() -> this.web.post()
					.uri("/{version}/{phoneNumberId}/media", this.version, this.phoneNumberId)
					.contentType(MediaType.MULTIPART_FORM_DATA)
					.body(BodyInserters.fromMultipartData(form.build())))
			.flatMap((answer) -> text("upload", answer.path("id")));
	}

	/**
	 * Looks up a media id from a webhook: where to download it (for 5 minutes) and what
	 * it is.
	 */
	Mono<Media> media(String mediaId) {
		return call("media", () -> this.web.get()
			.uri("/{version}/{mediaId}?phone_number_id={phoneNumberId}", this.version, mediaId, this.phoneNumberId))
			.map(Media::of);
	}

	/**
	 * Emits the bytes at a media {@code url}, or completes empty when they are over
	 * {@code maxBytes} (by {@code Content-Length}, or by counting: reading stops there).
	 */
	Mono<byte[]> download(String url, long maxBytes) {
		return withTimeoutAndRetry("download", this.timeouts.download(), Mono.defer(() -> fetch(url, maxBytes)));
	}

	/**
	 * A media's download details.
	 *
	 * @param url where to download it, with the bearer token, for 5 minutes
	 * @param mimeType its type, e.g. {@code image/jpeg}
	 * @param sha256 the hash of its bytes, hex
	 * @param fileSize its size in bytes
	 */
	record Media(String url, String mimeType, String sha256, long fileSize) {

		static Media of(JsonNode answer) {
			return new Media(answer.path("url").asText(), answer.path("mime_type").asText(),
					answer.path("sha256").asText(), answer.path("file_size").asLong());
		}

	}

	private Mono<JsonNode> call(String operation, Supplier<WebClient.RequestHeadersSpec<?>> request) {
		return withTimeoutAndRetry(operation, this.timeouts.request(),
				Mono.defer(() -> request.get().exchangeToMono((response) -> answer(operation, response))));
	}

	private <T> Mono<T> withTimeoutAndRetry(String operation, Duration timeout, Mono<T> call) {
		return call.timeout(timeout)
			.onErrorMap((error) -> !(error instanceof GraphApiException), (error) -> unanswered(operation, error))
			.retryWhen(this.retry.forCall(operation));
	}

	private Mono<byte[]> fetch(String url, long maxBytes) {
		return this.web.get().uri(URI.create(url)).exchangeToMono((response) -> bounded(response, maxBytes));
	}

	private static Mono<JsonNode> answer(String operation, ClientResponse response) {
		if (!response.statusCode().is2xxSuccessful()) {
			return rejected(operation, response);
		}
		return response.bodyToMono(String.class).defaultIfEmpty("").flatMap((body) -> json(operation, body));
	}

	private static Mono<byte[]> bounded(ClientResponse response, long maxBytes) {
		if (!response.statusCode().is2xxSuccessful()) {
			return rejected("download", response);
		}
		if (response.headers().contentLength().orElse(0) > maxBytes) {
			return response.releaseBody().then(Mono.empty());
		}
		int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE);
		return BoundedBodies.read(response.body(BodyExtractors.toDataBuffers()), limit)
			.onErrorResume(DataBufferLimitException.class, (tooLarge) -> Mono.empty());
	}

	private static <T> Mono<T> rejected(String operation, ClientResponse response) {
		int status = response.statusCode().value();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((body) -> Mono.error(GraphApiException.answered(operation, status, body)));
	}

	private static Mono<JsonNode> json(String operation, String body) {
		try {
			return Mono.just(JSON.readTree(body));
		}
		catch (JacksonException notJson) {
			return Mono.error(new GraphApiException(operation, 200, 0, "the answer is not JSON", null));
		}
	}

	private static Mono<String> text(String operation, JsonNode field) {
		return field.isTextual() ? Mono.just(field.asText())
				: Mono.error(new GraphApiException(operation, 200, 0, "the answer has no id", null));
	}

	private GraphApiException unanswered(String operation, Throwable error) {
		String reason = (error instanceof TimeoutException) ? "timed out" : error.getClass().getSimpleName() + ": "
				+ String.valueOf(error.getMessage()).replace(this.token, "<token>");
		return GraphApiException.unanswered(operation, reason);
	}

	private static byte[] bytes(ObjectNode body) {
		try {
			return JSON.writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("a message body could not be written as JSON", ex);
		}
	}

}
