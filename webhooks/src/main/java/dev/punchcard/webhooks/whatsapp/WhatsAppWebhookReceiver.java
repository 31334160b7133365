package dev.punchcard.webhooks.whatsapp;

import java.util.List;

import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a {@code POST} of the WhatsApp webhook does with its raw body: checks the
 * signature over the exact bytes first, then stores every message, status and preference
 * of the batch durably, and only then says it may be acknowledged. A redelivered item is
 * stored once and handled once.
 */
final class WhatsAppWebhookReceiver {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookReceiver.class);

	private final DurableIntake intake;

	private final WebhookSignature signature;

	private final WebhookBatch batch;

	private final WhatsAppProperties properties;

	WhatsAppWebhookReceiver(DurableIntake whatsAppIntake, WhatsAppProperties properties) {
		this.intake = whatsAppIntake;
		this.properties = properties;
		this.signature = new WebhookSignature(properties.requiredAppSecret());
		this.batch = new WebhookBatch(properties.requiredPhoneNumberId());
	}

	/** The largest body the webhook reads. */
	int maxBodyBytes() {
		return (int) this.properties.webhookMaxBody().toBytes();
	}

	/**
	 * Emits the outcome for a body and its {@code X-Hub-Signature-256} header: nothing is
	 * stored unless the signature matches and the body is a JSON object.
	 */
	Mono<Outcome> receive(byte[] body, @Nullable String givenSignature) {
		if (!this.signature.matches(body, givenSignature)) {
			return Mono.just(Outcome.UNSIGNED);
		}
		return this.batch.split(body)
			.map((updates) -> storeAll(updates).thenReturn(Outcome.STORED).onErrorResume((error) -> {
				log.warn("A WhatsApp webhook batch of {} items was not stored; Meta will deliver it again: {}",
						updates.size(), error.toString());
				return Mono.just(Outcome.NOT_STORED);
			}))
			.orElseGet(() -> Mono.just(Outcome.MALFORMED));
	}

	/** Stores every item (in as few statements as group commit makes of them). */
	private Mono<Void> storeAll(List<ReceivedUpdate> updates) {
		return Flux.fromIterable(updates)
			.flatMap(this.intake::accept, updates.size() + 1)
			.then()
			.timeout(this.properties.intake().storeTimeout());
	}

	/** What became of a webhook body, with the HTTP status that says it. */
	enum Outcome {

		/** Every item is stored: 200, Meta may forget the batch. */
		STORED(200, null),

		/** The signature is missing or does not match the body: 401, nothing stored. */
		UNSIGNED(401, "The X-Hub-Signature-256 header is missing or does not match the body."),

		/** Signed, but not a JSON object: 400, nothing stored. */
		MALFORMED(400, "The body is not a JSON object."),

		/** Larger than the webhook reads: 413, nothing stored. */
		TOO_LARGE(413, "The body is larger than this webhook accepts."),

		/** Storing failed: 503, so Meta delivers the batch again. */
		NOT_STORED(503, "The batch could not be stored now; deliver it again.");

		private final int status;

		private final @Nullable String problem;

		Outcome(int status, @Nullable String problem) {
			this.status = status;
			this.problem = problem;
		}

		int status() {
			return this.status;
		}

		/** Why the body was refused, for a problem document; null when it was stored. */
		@Nullable String problem() {
			return this.problem;
		}

	}

}
