package dev.punchcard.app.fuzz;

import java.util.Set;

import net.jqwik.api.Arbitrary;

/**
 * A chat platform's webhook as the fuzzer sees it: mutated requests to it, the statuses
 * it may answer, and how many updates it has stored (a rejected request must store none).
 * Telegram's is {@link TelegramBodies}, WhatsApp's {@link WhatsAppBodies} (Meta's payload
 * shapes, the {@code X-Hub-Signature-256} header computed over the generated body).
 */
public interface WebhookBodies {

	/** For messages: "telegram", "whatsapp". */
	String name();

	/** Mutated requests, with the right secret or signature most of the time. */
	Arbitrary<FuzzRequest> requests();

	/** Every status the webhook may answer; anything else fails the campaign. */
	Set<Integer> statuses();

	/** SQL that counts the updates stored for this channel. */
	String storedCountSql();

}
