package dev.punchcard.bot.telegram;

import dev.punchcard.bot.intake.BoundedBodies;
import dev.punchcard.bot.intake.DurableIntake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/telegram}: checks Telegram's secret header, stores the update and
 * answers 200 before anything is handled. 401 without the right secret, 400 for a body
 * that is no update, 413 for one over the size limit; in all three nothing is stored.
 * When storing fails the answer is 5xx, so Telegram delivers the update again.
 */
@RestController
@ConditionalOnTelegramToken
@ConditionalOnProperty(prefix = "punchcard.telegram", name = "mode", havingValue = "webhook")
class TelegramWebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final DurableIntake intake;

	private final byte[] secret;

	private final TelegramProperties properties;

	TelegramWebhookController(DurableIntake telegramIntake, TelegramProperties properties) {
		this.intake = telegramIntake;
		this.properties = properties;
		this.secret = Objects.requireNonNull(properties.webhookSecret(), "punchcard.telegram.webhook-secret")
			.getBytes(StandardCharsets.UTF_8);
	}

	@PostMapping("/webhooks/telegram")
	Mono<ResponseEntity<Void>> receive(@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String given,
			ServerHttpRequest request) {
		if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), this.secret)) {
			return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
		}
		int maxBytes = (int) this.properties.webhookMaxBody().toBytes();
		return BoundedBodies.read(request.getBody(), maxBytes)
			.flatMap(this::accept)
			.switchIfEmpty(Mono.fromSupplier(() -> status(HttpStatus.BAD_REQUEST)))
			.onErrorResume(DataBufferLimitException.class,
					(tooLarge) -> Mono.just(status(HttpStatus.PAYLOAD_TOO_LARGE)));
	}

	private Mono<ResponseEntity<Void>> accept(byte[] body) {
		return UpdateEnvelope.read(body)
			.map((envelope) -> this.intake.accept(envelope.received(new String(body, StandardCharsets.UTF_8)))
				.timeout(this.properties.intake().storeTimeout())
				.thenReturn(status(HttpStatus.OK)))
			.orElseGet(() -> Mono.just(status(HttpStatus.BAD_REQUEST)));
	}

	private static ResponseEntity<Void> status(HttpStatus status) {
		return ResponseEntity.status(status).build();
	}

}
