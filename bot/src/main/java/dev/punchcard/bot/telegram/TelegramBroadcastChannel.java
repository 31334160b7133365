package dev.punchcard.bot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a broadcast's Telegram template: the requests {@link TelegramTemplateRenderer}
 * made, in order, each in its turn of the bot's pacing, each once (no
 * {@link BotApiRetry}: a broadcast must not sleep inside its claim; the queue's retry is
 * the retry). Answers the message the buttons are under (the last one) as
 * {@link #messageRef}, since Telegram's message ids count per chat. A 429 holds the bot's
 * shared budget off for its {@code retry_after} and comes back after its
 * {@code retry_after}; a blocked bot (403) or a chat that is gone ("chat not found")
 * marks the chat unreachable and skips the member; anything else may pass and is retried
 * with back-off by the sender. When a later part of a long message fails after an earlier
 * one went, the message counts as sent: sending it again would repeat what the member
 * already has.
 */
class TelegramBroadcastChannel implements BroadcastChannel {

	private static final Logger log = LoggerFactory.getLogger(TelegramBroadcastChannel.class);

	/** How soon a recipient comes back when the pacing had no turn for it in time. */
	static final Duration NO_TURN_RETRY = Duration.ofSeconds(5);

	private static final int IMAGE_SIZE = 512;

	private final TelegramBotApi api;

	private final SendPacing pacing;

	private final ReachabilityListener reachability;

	private final Clock clock;

	private final Duration longestTurnWait;

	TelegramBroadcastChannel(TelegramBotApi api, SendPacing pacing, ReachabilityListener reachability, Clock clock) {
		this(api, pacing, reachability, clock, Duration.ZERO);
	}

	/**
	 * @param longestTurnWait the longest a send waits for its pacing turn (the rate
	 * limits' {@code bulk-max-wait})
	 */
	TelegramBroadcastChannel(TelegramBotApi api, SendPacing pacing, ReachabilityListener reachability, Clock clock,
			Duration longestTurnWait) {
		this.longestTurnWait = longestTurnWait;
		this.api = api;
		this.pacing = pacing;
		this.reachability = reachability;
		this.clock = clock;
	}

	/** How a broadcast message is known: {@code <chat id>:<message id>}. */
	static String messageRef(String chatId, long messageId) {
		return chatId + ":" + messageId;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	@Override
	public Duration longestTurnWait() {
		return this.longestTurnWait;
	}

	@Override
	public Mono<SendResult> send(ClaimedRecipient recipient, RenderedTemplate rendered) {
		return Mono.defer(() -> {
			List<Long> sent = new ArrayList<>();
			return Flux.fromIterable(rendered.requests())
				.concatMap((request) -> part(recipient.chatId(), request))
				.doOnNext(sent::add)
				.then(Mono.fromSupplier(() -> sent(recipient, sent)))
				.onErrorResume((error) -> sent.isEmpty() ? failed(recipient, error) : partly(recipient, sent, error));
		});
	}

	/**
	 * The one place a broadcast takes a turn of the bot's pacing: what replies and
	 * notifications leave of it.
	 */
	private Mono<Void> turn(String chatId) {
		return this.pacing.awaitTurn(chatId, SendPriority.BULK);
	}

	private Mono<Long> part(String chatId, String request) {
		JsonNode body = parse(request);
		Mono<JsonNode> call = body.has("photo") ? photo(chatId, body)
				: this.api.postOnce("sendMessage", TelegramJson.bytes(body));
		return turn(chatId).then(call).map((message) -> message.path("message_id").asLong());
	}

	/** The renderer's {@code sendPhoto} fields, the QR code drawn now. */
	private Mono<JsonNode> photo(String chatId, JsonNode body) {
		byte[] png = QrImage.png(body.path("photo").path("qrCode").asText(), IMAGE_SIZE);
		JsonNode markup = body.get("reply_markup");
		return this.api.sendPhotoOnce(chatId, png, body.path("caption").asText(""),
				(markup != null) ? TelegramJson.string(markup) : null);
	}

	private static SendResult sent(ClaimedRecipient recipient, List<Long> sent) {
		if (sent.isEmpty()) {
			return new SendResult.Failed("EMPTY", "the rendered template has nothing to send");
		}
		return new SendResult.Sent(messageRef(recipient.chatId(), sent.get(sent.size() - 1)));
	}

	private Mono<SendResult> partly(ClaimedRecipient recipient, List<Long> sent, Throwable error) {
		log.warn("broadcast recipient {}: {} of its Telegram messages went, then {}", recipient.recipientId(),
				sent.size(), error.getMessage());
		return Mono.just(sent(recipient, sent));
	}

	private Mono<SendResult> failed(ClaimedRecipient recipient, Throwable error) {
		if (error instanceof RateLimitWaitTooLongException) {
			return Mono.just(new SendResult.RetryAt(this.clock.instant().plus(NO_TURN_RETRY), "PACING",
					"no turn of the bot's sending limit in time"));
		}
		if (!(error instanceof BotApiException api)) {
			return Mono.error(error);
		}
		if (api.isRateLimited() && api.retryAfter() != null) {
			// the whole bot waits it out, on every instance, not just this recipient
			Duration retryAfter = api.retryAfter();
			return this.pacing.holdOff(retryAfter)
				.onErrorResume((holdOffFailed) -> Mono.empty())
				.thenReturn(new SendResult.RetryAt(this.clock.instant().plus(retryAfter), "429",
						String.valueOf(api.getMessage())));
		}
		if (api.isForbidden() || chatGone(api)) {
			return this.reachability.reachable(ChatChannel.TELEGRAM, recipient.chatId(), false)
				.thenReturn(new SendResult.Skipped(SkipReason.UNREACHABLE, String.valueOf(api.errorCode()),
						String.valueOf(api.getMessage())));
		}
		String code = (api.errorCode() == 0) ? "NO_ANSWER" : String.valueOf(api.errorCode());
		return Mono.error(new BroadcastSendException(code, String.valueOf(api.getMessage())));
	}

	/**
	 * Telegram's 400 for a chat that does not exist (any more), e.g. a deleted account.
	 */
	private static boolean chatGone(BotApiException api) {
		return api.errorCode() == 400
				&& String.valueOf(api.getMessage()).toLowerCase(Locale.ROOT).contains("chat not found");
	}

	private static JsonNode parse(String request) {
		try {
			return TelegramJson.MAPPER.readTree(request);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("a rendered Telegram request is not JSON", ex);
		}
	}

}
