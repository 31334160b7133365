package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp webhook's verification handshake ({@code GET}): the challenge echoed as
 * plain text when the verify token matches (compared in constant time), 403 otherwise.
 * The webhook's {@code POST} is {@link WhatsAppWebhookRoute}.
 */
@RestController
@ConditionalOnWhatsApp
class WhatsAppWebhookController {

	private final byte[] verifyToken;

	WhatsAppWebhookController(WhatsAppProperties properties) {
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

}
