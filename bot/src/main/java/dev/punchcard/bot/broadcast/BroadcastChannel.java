package dev.punchcard.bot.broadcast;

import java.time.Duration;

import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * One channel's edge for broadcasts: sends a rendered template to a claimed recipient, in
 * the channel's pacing, once (no long retries inside: the queue's
 * {@link SendResult.RetryAt} is the retry), and says what the platform answered.
 */
public interface BroadcastChannel {

	/** The channel it sends on. */
	ChatChannel channel();

	/**
	 * Whether this instance can send on the channel now; while not, its sender claims
	 * nothing (e.g. WhatsApp after the account was blocked).
	 */
	default boolean ready() {
		return true;
	}

	/**
	 * The longest one send may wait for its pacing turn before it gives up (and comes
	 * back later). A send still unfinished at half the claim's lease is given up and
	 * counted as an attempt although nothing was sent, so the lease must be longer than
	 * twice this; start-up checks it.
	 */
	default Duration longestTurnWait() {
		return Duration.ZERO;
	}

	/**
	 * Sends the message. Emits {@link SendResult.Sent} with the platform's message id, or
	 * what the platform's answer means: {@link SendResult.RetryAt} at the time the
	 * platform asked for (rate limits, WhatsApp's 24 hours), {@link SendResult.Skipped}
	 * for a member who can never get it (with the chat marked unreachable or the consent
	 * withdrawn first), {@link SendResult.PauseBroadcast} for a template the platform
	 * refuses. Errors with {@link BroadcastSendException} (or any other error) for a
	 * failure that may pass, which the sender retries with back-off.
	 * @param recipient who, on which chat
	 * @param rendered the template rendered for them by the channel's renderer
	 */
	Mono<SendResult> send(ClaimedRecipient recipient, RenderedTemplate rendered);

}
