package dev.punchcard.app.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.punchcard.app.api.TillPurchases.PurchaseRequest;
import dev.punchcard.app.security.BearerStaff;
import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.app.security.ProblemResponses;
import dev.punchcard.bot.intake.WebhookExchanges;
import dev.punchcard.core.staff.domain.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code POST /api/v1/purchases}, served by Reactor Netty itself, ahead of WebFlux and
 * Spring Security's filter chain, as both webhooks are: recording a purchase is what
 * every till does all day, and WebFlux's handler mapping, argument resolution and filter
 * chain cost about half of the service's CPU per purchase (BENCHMARKS.md, "Recording
 * purchases"). What they did for this path is done here, in the same order and with the
 * same answers ({@code PurchaseRouteParityIT} compares the two request by request):
 * <ol>
 * <li>the bearer token, through the same decoder ({@link BearerStaff}): 401 problem with
 * {@code WWW-Authenticate: Bearer} without a valid one, 403 for a role other than ADMIN
 * or CASHIER;</li>
 * <li>the body's type (415 unless JSON) and the answer's (406 unless JSON is acceptable;
 * WebFlux found that out only after recording);</li>
 * <li>the body, read up to {@code spring.codec.max-in-memory-size} (413), read with the
 * application's {@link ObjectMapper} (400 when it is not the request's JSON) and
 * validated with the application's validator (400 naming each field);</li>
 * <li>{@link TillPurchases}, which the batch endpoint shares; a server out of reach is a
 * 503 with {@code Retry-After}, a constraint a 409, anything else a 500 that reveals
 * nothing, as {@link UnavailableExceptionHandler} and {@link ApiExceptionHandler}
 * answer;</li>
 * <li>Spring Security's default response headers, and the request timed as
 * {@code http.server.requests} with WebFlux's tags, so dashboards see these requests as
 * before.</li>
 * </ol>
 * Only {@code POST} to exactly this path is taken; anything else (another method, a
 * trailing slash) goes on to WebFlux as before.
 * <p>
 * At most {@code punchcard.purchase-intake.max-in-flight} purchases are taken at once;
 * one more is answered 503 with {@code Retry-After} before anything else is done. An
 * overload is shed, not queued: thousands of waiting purchases filled the heap, and the
 * instance spent its time in full collections, recording a third of what it records
 * unloaded (BENCHMARKS.md). A till retries with the same receipt, which is idempotent.
 */
@Component
final class PurchaseRoute implements NettyRouteProvider {

	static final String PATH = "/api/v1/purchases";

	private static final URI INSTANCE = URI.create(PATH);

	/** What WebFlux's JSON decoder reads, as its 415 lists it. */
	private static final List<MediaType> READABLE = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"), MediaType.APPLICATION_NDJSON);

	private static final String READABLE_LIST = "application/json, application/*+json, application/x-ndjson";

	/** What WebFlux could have written the answer as, as its 406 lists it. */
	private static final String WRITABLE_LIST = "application/json, application/*+json, application/x-ndjson, text/event-stream";

	/** Spring Security's default headers on every answer, HSTS over HTTPS only. */
	private static final Map<String, String> SECURITY_HEADERS = Map.of("Cache-Control",
			"no-cache, no-store, max-age=0, must-revalidate", "Pragma", "no-cache", "Expires", "0",
			"X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "X-XSS-Protection", "0", "Referrer-Policy",
			"no-referrer");

	private static final String HSTS = "max-age=31536000 ; includeSubDomains";

	private static final Logger log = LoggerFactory.getLogger(PurchaseRoute.class);

	private final TillPurchases purchases;

	private final BearerStaff staff;

	private final ApiExceptionHandler errors;

	private final ObjectReader reader;

	private final ObjectWriter writer;

	private final int maxBodyBytes;

	private final @Nullable MeterRegistry meters;

	private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

	/** The 500's body, written once: answering must not depend on writing JSON then. */
	private final byte[] internalError;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final int maxInFlight;

	private final String retryAfter;

	PurchaseRoute(TillPurchases purchases, BearerStaff staff, ApiExceptionHandler errors, ObjectMapper json,
			@Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxBody, ObjectProvider<MeterRegistry> meters,
			PurchaseIntakeProperties intake) {
		this.purchases = purchases;
		this.maxInFlight = intake.maxInFlight();
		this.retryAfter = Integer.toString(intake.retryAfterSeconds());
		this.staff = staff;
		this.errors = errors;
		this.reader = json.readerFor(PurchaseRequest.class);
		this.writer = json.writer();
		this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, maxBody.toBytes());
		this.meters = meters.getIfAvailable();
		this.internalError = ("{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,"
				+ "\"detail\":\"Something went wrong on our side. Please try again later.\",\"instance\":\"" + PATH
				+ "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route(PurchaseRoute::takes, this::handle);
	}

	/** {@code POST} to exactly {@value #PATH}, with or without a query string. */
	static boolean takes(HttpServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return false;
		}
		String uri = request.uri();
		return uri.startsWith(PATH) && (uri.length() == PATH.length() || uri.charAt(PATH.length()) == '?');
	}

	Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		if (this.inFlight.incrementAndGet() > this.maxInFlight) {
			this.inFlight.decrementAndGet();
			return send(request, response, atCapacity(), started);
		}
		return this.staff.authenticate(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))
			.flatMap((member) -> answerFor(request, member))
			.switchIfEmpty(Mono.fromSupplier(PurchaseRoute::unauthorized))
			.onErrorResume(Exception.class, this::failed)
			.flatMap((answer) -> send(request, response, answer, started))
			.doFinally((signal) -> this.inFlight.decrementAndGet());
	}

	/** Purchases being taken on this instance now. */
	int inFlight() {
		return this.inFlight.get();
	}

	private ResponseEntity<Object> atCapacity() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, this.retryAfter)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"This instance is recording as many purchases as it can right now. Send this one again in "
							+ this.retryAfter + " s, with the same receipt number: it is recorded once."));
	}

	private Mono<ResponseEntity<Object>> answerFor(HttpServerRequest request, CurrentStaff member) {
		if (member.role() != Role.ADMIN && member.role() != Role.CASHIER) {
			return Mono.just(Problems.forbidden(ProblemResponses.FORBIDDEN_DETAIL));
		}
		io.netty.handler.codec.http.HttpHeaders headers = request.requestHeaders();
		ResponseEntity<Object> refused = refusedType(headers.get(HttpHeaderNames.CONTENT_TYPE));
		if (refused == null) {
			refused = refusedAccept(headers.get(HttpHeaderNames.ACCEPT));
		}
		if (refused != null) {
			return Mono.just(refused);
		}
		return WebhookExchanges.body(request, this.maxBodyBytes)
			.flatMap((body) -> record(body, member))
			.onErrorResume(WebhookExchanges.BodyTooLarge.class, (tooLarge) -> Mono.just(tooLarge()));
	}

	private Mono<ResponseEntity<Object>> record(byte[] body, CurrentStaff member) {
		PurchaseRequest purchase;
		try {
			purchase = this.reader.readValue(body);
		}
		catch (IOException ex) {
			purchase = null;
		}
		if (purchase == null) {
			return Mono.just(Problems
				.badRequest("The request body is not valid JSON for this endpoint, or a value is out of range."));
		}
		ResponseEntity<Object> invalid = this.purchases.invalid(purchase);
		if (invalid != null) {
			return Mono.just(invalid);
		}
		return this.purchases.record(purchase, member).single();
	}

	/** 415 unless the body is declared JSON (no type counts as bytes, as in WebFlux). */
	private static @Nullable ResponseEntity<Object> refusedType(@Nullable String contentType) {
		String declared = (contentType == null) ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType;
		try {
			MediaType type = MediaType.parseMediaType(declared);
			for (MediaType readable : READABLE) {
				if (readable.isCompatibleWith(type)) {
					return null;
				}
			}
			declared = type.toString();
		}
		catch (InvalidMediaTypeException ex) {
			// answered as not supported, below
		}
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.header(HttpHeaders.ACCEPT, READABLE_LIST)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + declared + "' is not supported."));
	}

	/**
	 * 406 unless the client accepts JSON or problem+json (or says nothing), before
	 * anything is recorded.
	 */
	private static @Nullable ResponseEntity<Object> refusedAccept(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return null;
		}
		try {
			for (MediaType acceptable : MediaType.parseMediaTypes(accept)) {
				if (acceptable.isCompatibleWith(MediaType.APPLICATION_JSON)
						|| acceptable.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
					return null;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// answered as not acceptable, below
		}
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
			.header(HttpHeaders.ACCEPT, WRITABLE_LIST)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.NOT_ACCEPTABLE, "Acceptable representations: [" + WRITABLE_LIST + "]."));
	}

	private static ResponseEntity<Object> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHORIZED_DETAIL));
	}

	private static ResponseEntity<Object> tooLarge() {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the service accepts."));
	}

	/** A framework refusal's problem: the status's own phrase as the title. */
	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	private Mono<ResponseEntity<Object>> failed(Exception ex) {
		if (UnavailableExceptionHandler.isUnavailable(ex)) {
			return Mono.just(UnavailableExceptionHandler.answer(ex));
		}
		if (ex instanceof DataIntegrityViolationException integrity) {
			return Mono.just(this.errors.integrity(integrity));
		}
		return Mono.just(this.errors.unexpected(ex));
	}

	private Mono<Void> send(HttpServerRequest request, HttpServerResponse response, ResponseEntity<Object> answer,
			long started) {
		int status = answer.getStatusCode().value();
		byte[] body;
		try {
			body = this.writer.writeValueAsBytes(withInstance(answer.getBody()));
		}
		catch (JsonProcessingException ex) {
			answer = this.errors.unexpected(ex);
			status = answer.getStatusCode().value();
			body = this.internalError;
		}
		response.status(status);
		io.netty.handler.codec.http.HttpHeaders headers = response.responseHeaders();
		SECURITY_HEADERS.forEach(headers::set);
		if ("https".equals(request.scheme())) {
			headers.set("Strict-Transport-Security", HSTS);
		}
		answer.getHeaders().forEach(headers::set);
		if (!headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
			headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		}
		int answered = status;
		return response.sendByteArray(Mono.just(body)).then().doOnTerminate(() -> timed(answered, started));
	}

	private static @Nullable Object withInstance(@Nullable Object body) {
		if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
			problem.setInstance(INSTANCE);
		}
		return body;
	}

	/**
	 * {@code http.server.requests} with the tags WebFlux gives it (the exception is not
	 * named here; the status says a 500).
	 */
	private void timed(int status, long startedNanos) {
		if (this.meters == null) {
			return;
		}
		this.timers
			.computeIfAbsent(status,
					(code) -> Timer.builder("http.server.requests")
						.tag("error", "none")
						.tag("exception", "none")
						.tag("method", "POST")
						.tag("outcome", outcome(code))
						.tag("status", Integer.toString(code))
						.tag("uri", PATH)
						.register(this.meters))
			.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

}
