package dev.punchcard.webhooks.whatsapp;

import java.time.Clock;
import java.time.Duration;

import dev.punchcard.bot.broadcast.BroadcastChannel;
import dev.punchcard.bot.broadcast.BroadcastSendException;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.pacing.RateLimitWaitTooLongException;
import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SendPriority;
import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Sends a broadcast's WhatsApp template: the {@code /messages} body
 * {@link WhatsAppTemplateRenderer} made, in its turn of the number's pacing, once (no
 * {@link GraphApiRetry}: a broadcast must not sleep inside its claim; the queue's retry
 * is the retry); answers the wamid. Meta's answer decides the rest: throughput (130429)
 * (which also holds the number's shared budget off) and the pair limit (131056) come back
 * soon, a marketing message held back (131049) in 24 hours; a user who stopped marketing
 * messages (131050) is recorded as opted out and skipped, one WhatsApp cannot reach
 * (131026) is marked unreachable and skipped; a template Meta refuses (132xxx: missing,
 * paused, disabled, wrong parameters) pauses the broadcast with Meta's reason; anything
 * else may pass and is retried with back-off by the sender. A user outside their window
 * beyond the portfolio's messaging limit comes back when it has room. The account's
 * blocking errors stop this instance's sending as for replies.
 */
class WhatsAppBroadcastChannel implements BroadcastChannel {

	/** How soon a recipient comes back after the number's throughput limit (130429). */
	static final Duration THROUGHPUT_RETRY = Duration.ofSeconds(5);

	/** How soon after the pair rate limit (131056). */
	static final Duration PAIR_LIMIT_RETRY = Duration.ofMinutes(1);

	/**
	 * How soon when the pacing had no turn in time (broadcasts take what replies leave of
	 * the number's rate).
	 */
	static final Duration NO_TURN_RETRY = Duration.ofSeconds(5);

	/** When a held-back marketing message (131049) may go again. */
	static final Duration HELD_BACK_RETRY = Duration.ofHours(24);

	/**
	 * What a send learns about the member is recorded with these.
	 *
	 * @param reachability whether the chat can be reached
	 * @param consent the member's marketing consent on WhatsApp
	 */
	record Members(ReachabilityListener reachability, ChangeMarketingConsent consent) {
	}

	private final GraphApi api;

	private final SendPacing pacing;

	private final WhatsAppAccount account;

	private final Members members;

	private final MessagingLimit messagingLimit;

	private final Duration throughputHoldOff;

	private final Duration longestTurnWait;

	private final Clock clock;

	/**
	 * @param messagingLimit the portfolio's messaging limit, which a broadcast template
	 * to a user outside their window counts against
	 * @param throughputHoldOff how long a 130429 holds the number's sending off, on every
	 * instance
	 * @param longestTurnWait the longest a send waits for its pacing turn (the rate
	 * limits' {@code bulk-max-wait})
	 */
	WhatsAppBroadcastChannel(GraphApi api, SendPacing pacing, WhatsAppAccount account, Members members,
			MessagingLimit messagingLimit, Duration throughputHoldOff, Duration longestTurnWait, Clock clock) {
		this.longestTurnWait = longestTurnWait;
		this.api = api;
		this.pacing = pacing;
		this.account = account;
		this.members = members;
		this.messagingLimit = messagingLimit;
		this.throughputHoldOff = throughputHoldOff;
		this.clock = clock;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public Duration longestTurnWait() {
		return this.longestTurnWait;
	}

	/** Not after Meta blocked the account or the token (see {@link WhatsAppAccount}). */
	@Override
	public boolean ready() {
		return this.account.blocked() == null;
	}

	@Override
	public Mono<SendResult> send(ClaimedRecipient recipient, RenderedTemplate rendered) {
		if (rendered.requests().isEmpty()) {
			return Mono.just(new SendResult.Failed("EMPTY", "the rendered template has nothing to send"));
		}
		// the renderer's own JSON goes as it is: no parsing and writing it again per
		// message
		String body = rendered.requests().get(0);
		return this.messagingLimit.admit(recipient.chatId()).flatMap((wait) -> {
			if (!wait.isZero()) {
				return retryIn(wait, "MESSAGING_LIMIT",
						"the portfolio's messaging limit is reached: no template to a new user for now");
			}
			return turn(recipient.chatId()).then(Mono.defer(() -> this.api.sendOnce(body)))
				.<SendResult>map(SendResult.Sent::new)
				.onErrorResume((error) -> failed(recipient, error));
		});
	}

	/**
	 * The one place a broadcast takes a turn of the number's pacing: what replies and
	 * notifications leave of it.
	 */
	private Mono<Void> turn(String to) {
		return this.pacing.awaitTurn(to, SendPriority.BULK);
	}

	private Mono<SendResult> failed(ClaimedRecipient recipient, Throwable error) {
		if (error instanceof RateLimitWaitTooLongException) {
			return retryIn(NO_TURN_RETRY, "PACING", "no turn of the number's sending limit in time");
		}
		if (!(error instanceof GraphApiException graph)) {
			return Mono.error(error);
		}
		this.account.observe(graph);
		String code = String.valueOf(graph.code());
		return switch (graph.code()) {
			case GraphApiException.THROUGHPUT -> this.pacing.holdOff(this.throughputHoldOff)
				.onErrorResume((holdOffFailed) -> Mono.empty())
				.then(retryIn(THROUGHPUT_RETRY, code, graph.details()));
			case 131056 -> retryIn(PAIR_LIMIT_RETRY, code, graph.details());
			case GraphApiException.MARKETING_HELD_BACK -> retryIn(HELD_BACK_RETRY, code, graph.details());
			case GraphApiException.MARKETING_STOPPED -> this.members.consent()
				.optOut(ChatChannel.WHATSAPP, recipient.chatId(), "whatsapp:131050")
				.thenReturn(new SendResult.Skipped(SkipReason.OPTED_OUT, code, graph.details()));
			case GraphApiException.UNREACHABLE -> this.members.reachability()
				.reachable(ChatChannel.WHATSAPP, recipient.chatId(), false)
				.thenReturn(new SendResult.Skipped(SkipReason.UNREACHABLE, code, graph.details()));
			default -> graph.templateProblem()
					? Mono
						.just(new SendResult.PauseBroadcast(code, "WhatsApp refused the template: " + graph.details()))
					: Mono.error(new BroadcastSendException(passingCode(graph), String.valueOf(graph.getMessage())));
		};
	}

	private Mono<SendResult> retryIn(Duration wait, String code, String reason) {
		return Mono.just(new SendResult.RetryAt(this.clock.instant().plus(wait), code, reason));
	}

	private static String passingCode(GraphApiException graph) {
		if (graph.code() != 0) {
			return String.valueOf(graph.code());
		}
		return (graph.status() == 0) ? "NO_ANSWER" : "HTTP_" + graph.status();
	}

}
