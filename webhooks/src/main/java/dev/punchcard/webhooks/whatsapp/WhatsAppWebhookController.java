package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import dev.punchcard.bot.intake.BoundedBodies;
import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp webhook. {@code GET} answers Meta's verification handshake: the challenge
 * echoed as plain text when the verify token matches (compared in constant time), 403
 * otherwise. {@code POST} checks the signature of the raw body before reading it (401
 * when missing or wrong), then stores every message and status of the batch durably
 * before answering 200; a redelivered item is stored once and handled once. A signed body
 * that is not JSON is a 400 and stores nothing; a batch that could not be stored is a
 * 503, so Meta delivers it again.
 */
@RestController
@ConditionalOnWhatsApp
class WhatsAppWebhookController {

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

	private final DurableIntake intake;

	private final WebhookSignature signature;

	private final WebhookBatch batch;

	private final WhatsAppProperties properties;

	private final byte[] verifyToken;

	WhatsAppWebhookController(DurableIntake whatsAppIntake, WhatsAppProperties properties) {
		this.intake = whatsAppIntake;
		this.properties = properties;
		this.signature = new WebhookSignature(properties.requiredAppSecret());
		this.batch = new WebhookBatch(properties.requiredPhoneNumberId());
		this.verifyToken = properties.requiredVerifyToken().getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping(path = "/webhooks/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		boolean tokenMatches = token != null
				&& MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), this.verifyToken);
		if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	@PostMapping("/webhooks/whatsapp")
	Mono<ResponseEntity<Void>> receive(@RequestHeader(name = SIGNATURE_HEADER, required = false) @Nullable String given,
			ServerHttpRequest request) {
		int maxBytes = (int) this.properties.webhookMaxBody().toBytes();
		return BoundedBodies.read(request.getBody(), maxBytes)
			.flatMap((body) -> this.signature.matches(body, given) ? store(body)
					: Mono.just(status(HttpStatus.UNAUTHORIZED)))
			.switchIfEmpty(
					Mono.fromSupplier(() -> status(given == null ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)))
			.onErrorResume(DataBufferLimitException.class,
					(tooLarge) -> Mono.just(status(HttpStatus.PAYLOAD_TOO_LARGE)));
	}

	private Mono<ResponseEntity<Void>> store(byte[] body) {
		return this.batch.split(body)
			.map((updates) -> storeAll(updates).thenReturn(status(HttpStatus.OK)).onErrorResume((error) -> {
				log.warn("A WhatsApp webhook batch of {} items was not stored; Meta will deliver it again: {}",
						updates.size(), error.toString());
				return Mono.just(status(HttpStatus.SERVICE_UNAVAILABLE));
			}))
			.orElseGet(() -> Mono.just(status(HttpStatus.BAD_REQUEST)));
	}

	/** Stores every item (in as few statements as group commit makes of them). */
	private Mono<Void> storeAll(List<ReceivedUpdate> updates) {
		return Flux.fromIterable(updates)
			.flatMap(this.intake::accept, updates.size() + 1)
			.then()
			.timeout(this.properties.intake().storeTimeout());
	}

	private static ResponseEntity<Void> status(HttpStatus status) {
		return ResponseEntity.status(status).build();
	}

}
