package dev.punchcard.bot.telegram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import dev.punchcard.bot.intake.IntakeSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Telegram channel. Without a token the channel is off and none of its
 * beans exist; the rest of the service runs as usual.
 *
 * @param token the bot token ({@code TELEGRAM_BOT_TOKEN}); never logged
 * @param mode how updates arrive
 * @param apiUrl the Bot API base URL ({@code TELEGRAM_API_URL}), scheme, host and port
 * only
 * @param webhookSecret the {@code secret_token} Telegram sends in
 * {@code X-Telegram-Bot-Api-Secret-Token}; required in webhook mode
 * @param webhookUrl when set in webhook mode, registered with {@code setWebhook} at start
 * @param botUsername the bot's username; asked with {@code getMe} at start when absent
 * @param photoMaxBytes the largest photo the edge offers the engine and downloads
 * @param webhookMaxBody the largest webhook body read
 * @param timeouts outbound call timeouts
 * @param retries retries of failed Bot API calls
 * @param rateLimits sending limits
 * @param intake how stored updates are processed ({@code purge-after} defaults to 2 days)
 */
@ConfigurationProperties("punchcard.telegram")
@Validated
public record TelegramProperties(@Nullable @Pattern(regexp = "|[0-9]+:[A-Za-z0-9_-]+") String token,
		@DefaultValue("polling") Mode mode, @DefaultValue("https://api.telegram.org") URI apiUrl,
		@Nullable @Pattern(regexp = "|[A-Za-z0-9_-]{1,256}") String webhookSecret, @Nullable URI webhookUrl,
		@Nullable String botUsername, @DefaultValue("10MB") DataSize photoMaxBytes,
		@DefaultValue("256KB") DataSize webhookMaxBody, @DefaultValue @Valid Timeouts timeouts,
		@DefaultValue @Valid Retries retries, @DefaultValue @Valid RateLimits rateLimits,
		@DefaultValue @Valid IntakeSettings intake) {

	/**
	 * How long done updates are kept as dedupe keys by default: Telegram redelivers an
	 * unconfirmed update for up to 24 hours.
	 */
	static final Duration DEDUPE_HORIZON = Duration.ofDays(2);

	public TelegramProperties {
		intake = intake.withPurgeAfterDefault(DEDUPE_HORIZON);
		if (apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !"/".equals(apiUrl.getPath())) {
			throw new IllegalArgumentException("punchcard.telegram.api-url takes scheme, host and port only");
		}
		boolean webhookWithoutSecret = mode == Mode.WEBHOOK && (webhookSecret == null || webhookSecret.isEmpty());
		if (enabled(token) && webhookWithoutSecret) {
			throw new IllegalArgumentException("punchcard.telegram.webhook-secret is required in webhook mode");
		}
	}

	/** Whether a token is set, i.e. whether the Telegram channel runs. */
	public boolean enabled() {
		return enabled(this.token);
	}

	static boolean enabled(@Nullable String token) {
		return token != null && !token.isBlank();
	}

	/** The URL to register with {@code setWebhook}, or null when none is configured. */
	@Nullable URI webhookUrlToRegister() {
		return (this.webhookUrl == null || this.webhookUrl.toString().isBlank()) ? null : this.webhookUrl;
	}

	/** The token; only called where the channel is enabled. */
	String requiredToken() {
		if (this.token == null || this.token.isBlank()) {
			throw new IllegalStateException("punchcard.telegram.token is not set");
		}
		return this.token;
	}

	/** The bot's id: the token's part before the colon, which is not secret. */
	String botId() {
		String token = requiredToken();
		return token.substring(0, token.indexOf(':'));
	}

	@Override
	public String toString() {
		return "TelegramProperties[mode=" + this.mode + ", apiUrl=" + this.apiUrl + ", enabled=" + enabled() + "]";
	}

	/** How updates reach the service. */
	public enum Mode {

		/** Long polling with {@code getUpdates}: local runs, a single replica. */
		POLLING,
		/** Telegram posts to {@code /webhooks/telegram}: production. */
		WEBHOOK

	}

	/**
	 * @param connect TCP connect timeout
	 * @param request whole-call timeout of one Bot API request
	 * @param download whole-call timeout of one file download
	 */
	public record Timeouts(@DefaultValue("5s") Duration connect, @DefaultValue("10s") Duration request,
			@DefaultValue("30s") Duration download) {
	}

	/**
	 * @param maxAttempts attempts per call, the first included (429s, timeouts,
	 * connection errors and 5xx are retried)
	 * @param firstBackoff the first wait after a transient error, doubled each time
	 * @param maxRetryAfter the longest 429 {@code retry_after} waited for; longer fails
	 * the call
	 */
	public record Retries(@DefaultValue("4") @Positive @Max(10) int maxAttempts,
			@DefaultValue("200ms") Duration firstBackoff, @DefaultValue("30s") Duration maxRetryAfter) {
	}

	/**
	 * Sending limits, counted in Redis for all instances together (Telegram counts them
	 * per bot), or per instance when {@code shared} is off.
	 *
	 * @param perChatPerSecond messages per second to one chat (Telegram: about 1)
	 * @param perChatBurst messages one chat may get at once
	 * @param globalPerSecond messages per second to all chats (Telegram: about 30)
	 * @param globalBurst messages all chats may get at once
	 * @param maxWait the longest a message waits for its turn; longer fails the send
	 * @param shared whether the limits are counted in Redis for all instances (default);
	 * off, each instance counts its own (for a single instance)
	 * @param bulkHorizon how far ahead a broadcast message may reserve its turn; keep it
	 * well under the bot's burst's worth of time, which stays free for replies
	 * @param bulkMaxWait the longest a broadcast message waits for its turn before it is
	 * queued again for later (keep it under the broadcast claim's lease)
	 * @param bulkShare the share of the bot's rate broadcasts send at, at most: a little
	 * under 1, so that the platform's own count has room for the jitter of the network
	 * and of the instances (sent at exactly the rate, any two messages arriving closer
	 * than the interval would be one too many)
	 */
	public record RateLimits(@DefaultValue("1") @Positive double perChatPerSecond,
			@DefaultValue("3") @Positive int perChatBurst, @DefaultValue("30") @Positive double globalPerSecond,
			@DefaultValue("30") @Positive int globalBurst, @DefaultValue("10s") Duration maxWait,
			@DefaultValue("true") boolean shared, @DefaultValue("100ms") Duration bulkHorizon,
			@DefaultValue("30s") Duration bulkMaxWait,
			@DefaultValue("0.99") @DecimalMin("0.5") @DecimalMax("1.0") double bulkShare) {
	}

}
