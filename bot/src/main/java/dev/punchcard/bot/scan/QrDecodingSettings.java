package dev.punchcard.bot.scan;

import java.time.Duration;

/**
 * Limits for one {@link QrPhotoDecoder#decode(byte[])} call.
 *
 * @param maxBytes largest encoded image accepted, in bytes
 * @param maxPixels largest image accepted, in pixels (width times height), checked before
 * the pixels are decoded
 * @param timeBudget time after which no further decoding step is started for one image
 */
public record QrDecodingSettings(int maxBytes, long maxPixels, Duration timeBudget) {

	/** Telegram sends photos of at most 2560 px a side; documents may be larger. */
	public static QrDecodingSettings defaults() {
		return new QrDecodingSettings(10 * 1024 * 1024, 24_000_000L, Duration.ofMillis(300));
	}

	public QrDecodingSettings {
		if (maxBytes <= 0 || maxPixels <= 0) {
			throw new IllegalArgumentException("Limits must be positive");
		}
		if (timeBudget.isNegative() || timeBudget.isZero()) {
			throw new IllegalArgumentException("Time budget must be positive");
		}
	}

}
