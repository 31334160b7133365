package dev.punchcard.webhooks.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.bot.intake.IntakeSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the WhatsApp Cloud API channel. The channel runs when all four of the
 * access token, the phone number id, the app secret and the verify token are set; with
 * none of them it is off and none of its beans exist; with only some, start-up fails (a
 * half-configured channel would drop messages).
 *
 * @param accessToken the system-user access token ({@code WHATSAPP_ACCESS_TOKEN}), sent
 * as a bearer token to the Graph API; never logged
 * @param phoneNumberId the business phone number's id ({@code WHATSAPP_PHONE_NUMBER_ID})
 * @param appSecret the Meta app's secret ({@code WHATSAPP_APP_SECRET}), the key of the
 * webhook signature; never logged
 * @param verifyToken the verify token of the webhook handshake
 * ({@code WHATSAPP_VERIFY_TOKEN}); never logged
 * @param apiUrl the Graph API base URL ({@code WHATSAPP_API_URL}), scheme, host and port
 * only
 * @param apiVersion the Graph API version in request paths
 * @param displayPhoneNumber the business number as people dial it (digits), for
 * {@code wa.me} links
 * @param webhookMaxBody the largest webhook body read (Meta: up to 3 MB)
 * @param mediaMaxBytes the largest image downloaded for {@code /scan}
 * @param timeouts outbound call timeouts
 * @param retries retries of failed Graph API calls
 * @param rateLimits sending limits, counted for the business number across instances
 * @param intake how stored webhook messages and statuses are processed
 * ({@code purge-after} defaults to 8 days and may not be below 7: Meta redelivers for up
 * to 7 days)
 * @param windowMargin a notification goes as free text only while at least this much of
 * the 24-hour customer service window is left, else as its template
 * @param templates the approved template of each kind of notification, keyed by kind
 * ({@code points-credited}, {@code points-reversed}, {@code reward-redeemed},
 * {@code voucher-cancelled}, {@code referral-bonus-paid}); each part overrides the
 * built-in default
 * @param templateLanguages WhatsApp's language code of the templates for each of the
 * bot's languages ({@code en}, {@code ru})
 * @param businessAccountId the WhatsApp Business Account (WABA) id
 * ({@code WHATSAPP_BUSINESS_ACCOUNT_ID}) whose message templates are synced; optional:
 * without it templates are not synced
 * @param templateSync how message templates are synced from the Graph API
 */
@ConfigurationProperties("punchcard.whatsapp")
@Validated
public record WhatsAppProperties(@Nullable String accessToken,
		@Nullable @Pattern(regexp = "|[0-9]{1,32}") String phoneNumberId, @Nullable String appSecret,
		@Nullable String verifyToken, @DefaultValue("https://graph.facebook.com") URI apiUrl,
		@DefaultValue("v24.0") @Pattern(regexp = "v[0-9]{1,3}\\.[0-9]{1,2}") String apiVersion,
		@Nullable @Pattern(regexp = "|[0-9]{6,20}") String displayPhoneNumber,
		@DefaultValue("3MB") DataSize webhookMaxBody, @DefaultValue("5MB") DataSize mediaMaxBytes,
		@DefaultValue @Valid Timeouts timeouts, @DefaultValue @Valid Retries retries,
		@DefaultValue @Valid RateLimits rateLimits, @DefaultValue @Valid IntakeSettings intake,
		@DefaultValue("5m") Duration windowMargin, @Nullable Map<String, NoticeTemplate> templates,
		@Nullable Map<String, String> templateLanguages,
		@Nullable @Pattern(regexp = "|[0-9]{1,32}") String businessAccountId,
		@DefaultValue @Valid TemplateSync templateSync) {

	/** Meta redelivers an unacknowledged webhook for up to 7 days. */
	static final Duration REDELIVERY = Duration.ofDays(7);

	static final Duration DEDUPE_HORIZON = Duration.ofDays(8);

	public WhatsAppProperties {
		intake = intake.withPurgeAfterDefault(DEDUPE_HORIZON);
		templates = (templates != null) ? Map.copyOf(templates) : Map.of();
		Map<String, String> languages = new LinkedHashMap<>(Map.of("en", "en", "ru", "ru"));
		if (templateLanguages != null) {
			languages.putAll(templateLanguages);
		}
		templateLanguages = Map.copyOf(languages);
		if (windowMargin.isNegative() || windowMargin.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException("punchcard.whatsapp.window-margin must be between 0 and 12h");
		}
		if (intake.purgeAfter() != null && intake.purgeAfter().compareTo(REDELIVERY) < 0) {
			throw new IllegalArgumentException(
					"punchcard.whatsapp.intake.purge-after must be at least 7 days: Meta redelivers for 7 days");
		}
		if (apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !"/".equals(apiUrl.getPath())) {
			throw new IllegalArgumentException("punchcard.whatsapp.api-url takes scheme, host and port only");
		}
		int given = count(accessToken) + count(phoneNumberId) + count(appSecret) + count(verifyToken);
		if (given > 0 && given < 4) {
			throw new IllegalArgumentException("WhatsApp needs all of punchcard.whatsapp.access-token, "
					+ ".phone-number-id, .app-secret and .verify-token (WHATSAPP_ACCESS_TOKEN, "
					+ "WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN), or none of them");
		}
	}

	/** Whether the channel runs: every required setting is given. */
	public boolean enabled() {
		return count(this.accessToken) + count(this.phoneNumberId) + count(this.appSecret)
				+ count(this.verifyToken) == 4;
	}

	static boolean given(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static int count(@Nullable String value) {
		return given(value) ? 1 : 0;
	}

	/**
	 * Whether message templates can be synced: the channel runs and the WABA id is set.
	 */
	boolean syncsTemplates() {
		return enabled() && given(this.businessAccountId);
	}

	String requiredBusinessAccountId() {
		return required(this.businessAccountId, "business-account-id");
	}

	String requiredAccessToken() {
		return required(this.accessToken, "access-token");
	}

	String requiredPhoneNumberId() {
		return required(this.phoneNumberId, "phone-number-id");
	}

	String requiredAppSecret() {
		return required(this.appSecret, "app-secret");
	}

	String requiredVerifyToken() {
		return required(this.verifyToken, "verify-token");
	}

	private static String required(@Nullable String value, String name) {
		if (!given(value)) {
			throw new IllegalStateException("punchcard.whatsapp." + name + " is not set");
		}
		return value;
	}

	@Override
	public String toString() {
		// no secrets
		return "WhatsAppProperties[apiUrl=" + this.apiUrl + ", apiVersion=" + this.apiVersion + ", phoneNumberId="
				+ this.phoneNumberId + ", enabled=" + enabled() + "]";
	}

	/**
	 * What a notification's template setting overrides; anything left out keeps the
	 * default.
	 *
	 * @param name the template's name in WhatsApp Manager
	 * @param parameters the notification's fields that fill the template's parameters, in
	 * order
	 * @param parameterFormat whether the template numbers its parameters ({@code {{1}}},
	 * default) or names them by the field names ({@code {{points}}})
	 */
	public record NoticeTemplate(@Nullable String name, @Nullable List<String> parameters,
			@Nullable ParameterFormat parameterFormat) {
	}

	/** How a template's parameters are given. */
	public enum ParameterFormat {

		/** {@code {{1}}}, {@code {{2}}}, … in the order of the fields. */
		POSITIONAL,

		/** {@code {{points}}}, … by the fields' names. */
		NAMED

	}

	/**
	 * @param scheduled whether the periodic sync runs (on demand works either way)
	 * @param interval one scheduled sync per interval across all instances
	 * @param checkEvery how often each instance looks whether a sync is due
	 * @param pageSize templates asked for per page of the listing ({@code limit})
	 * @param maxPages the most pages followed; a longer listing fails the sync rather
	 * than mark the templates past it as gone
	 */
	public record TemplateSync(@DefaultValue("true") boolean scheduled, @DefaultValue("1h") @NotNull Duration interval,
			@DefaultValue("5m") @NotNull Duration checkEvery, @DefaultValue("100") @Positive @Max(1000) int pageSize,
			@DefaultValue("50") @Positive @Max(1000) int maxPages) {

		public TemplateSync {
			if (interval.compareTo(Duration.ofMinutes(1)) < 0 || checkEvery.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(
						"punchcard.whatsapp.template-sync.interval must be at least 1m and check-every at least 1s");
			}
		}

	}

	/**
	 * @param connect TCP connect timeout
	 * @param request whole-call timeout of one Graph API request
	 * @param download whole-call timeout of one media download
	 */
	public record Timeouts(@DefaultValue("5s") Duration connect, @DefaultValue("10s") Duration request,
			@DefaultValue("30s") Duration download) {
	}

	/**
	 * @param maxAttempts attempts per call, the first included (5xx, timeouts, connection
	 * errors, 130429 and 131057 are retried)
	 * @param firstBackoff the first wait after a transient error, doubled each time
	 * @param maxBackoff the longest wait between attempts
	 */
	public record Retries(@DefaultValue("4") @Positive @Max(10) int maxAttempts,
			@DefaultValue("500ms") Duration firstBackoff, @DefaultValue("10s") Duration maxBackoff) {
	}

	/**
	 * @param perSecond messages per second from the business number, all instances
	 * together (Cloud API default: 80)
	 * @param perRecipientInterval the least time between two messages to one recipient
	 * (the pair rate limit, 131056: about one per 6 s sustained)
	 * @param perRecipientBurst messages one recipient may get at once before the interval
	 * applies (a reply of several messages)
	 * @param maxWait the longest a message waits for its turn; longer fails the send
	 * @param pairLimitBackoff when WhatsApp still answers that one recipient got too much
	 * (131056), the first wait before sending to them again, four times longer each
	 * further time (three times at most)
	 * @param bulkHorizon how far ahead a broadcast message may reserve its turn; keep it
	 * well under a second's worth of the number's burst, which stays free for replies
	 * @param bulkMaxWait the longest a broadcast message waits for its turn before it is
	 * queued again for later (keep it under the broadcast claim's lease)
	 * @param bulkShare the share of the number's rate broadcasts send at, at most: a
	 * little under 1, leaving Meta's count room for the network's jitter
	 * @param throughputHoldOff when WhatsApp answers that the number sent too much
	 * (130429), how long no instance sends from it before going on at the sustained rate
	 * @param messagingLimit the portfolio's messaging limit: unique users reached outside
	 * the 24-hour window per rolling 24 h (WhatsApp Manager shows it); notifications and
	 * broadcasts stay within it, all instances together
	 * @param portfolioId the business portfolio whose numbers share the messaging limit;
	 * by default the business account's id, else the number's
	 */
	public record RateLimits(@DefaultValue("80") @Positive int perSecond,
			@DefaultValue("6s") Duration perRecipientInterval, @DefaultValue("5") @Positive int perRecipientBurst,
			@DefaultValue("30s") Duration maxWait, @DefaultValue("1s") Duration pairLimitBackoff,
			@DefaultValue("100ms") Duration bulkHorizon, @DefaultValue("30s") Duration bulkMaxWait,
			@DefaultValue("0.99") @DecimalMin("0.5") @DecimalMax("1.0") double bulkShare,
			@DefaultValue("1s") Duration throughputHoldOff, @DefaultValue("unlimited") MessagingLevel messagingLimit,
			@Nullable @Pattern(regexp = "|[0-9A-Za-z_-]{1,64}") String portfolioId) {
	}

	/**
	 * A messaging limit, named as the {@code phone_number_quality_update} webhook names
	 * it ({@code TIER_50} and {@code TIER_1K} are the names of older levels WhatsApp may
	 * still send).
	 */
	public enum MessagingLevel {

		TIER_50(50), TIER_250(250), TIER_1K(1_000), TIER_2K(2_000), TIER_10K(10_000), TIER_100K(100_000),
		UNLIMITED(Long.MAX_VALUE);

		private final long users;

		MessagingLevel(long users) {
			this.users = users;
		}

		/** Unique users outside the window per rolling 24 hours. */
		public long users() {
			return this.users;
		}

		/**
		 * The level a webhook names: {@code TIER_2K}, {@code TIER_UNLIMITED}, or its
		 * number of users ({@code 2000}); empty for anything else ({@code TIER_NOT_SET},
		 * a blank).
		 */
		public static java.util.Optional<MessagingLevel> named(String name) {
			String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
			if ("TIER_UNLIMITED".equals(upper)) {
				return java.util.Optional.of(UNLIMITED);
			}
			for (MessagingLevel level : values()) {
				if (level.name().equals(upper) || Long.toString(level.users).equals(upper)) {
					return java.util.Optional.of(level);
				}
			}
			return java.util.Optional.empty();
		}

	}

	/** The portfolio whose numbers share the messaging limit. */
	String portfolio() {
		if (given(this.rateLimits.portfolioId())) {
			return this.rateLimits.portfolioId();
		}
		return given(this.businessAccountId) ? this.businessAccountId : requiredPhoneNumberId();
	}

}
