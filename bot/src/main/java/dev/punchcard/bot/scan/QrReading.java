package dev.punchcard.bot.scan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * One way of asking ZXing for a QR code in a luminance image: which binarizer, which
 * hints, whether the image is inverted first. Readers are created per call, so readings
 * are safe to share between threads.
 */
enum QrReading {

	/**
	 * ZXing's default detection (local thresholds, every few rows scanned), after a cheap
	 * try at a code that fills the picture, as in a screenshot, on the same binarized
	 * image.
	 */
	HYBRID(Threshold.HYBRID, false, Hints.PURE, Hints.DETECT),

	/** Every row scanned, local thresholds. */
	HYBRID_HARDER(Threshold.HYBRID, false, Hints.DETECT_HARDER),

	/** One threshold for the whole image: better on smooth, low-contrast photos. */
	GLOBAL_HARDER(Threshold.GLOBAL, false, Hints.DETECT_HARDER),

	/** Light modules on a dark background. */
	INVERTED_HARDER(Threshold.HYBRID, true, Hints.DETECT_HARDER),

	/** Wide-window local mean threshold: blurred and noisy photos. */
	LOCAL_MEAN_HARDER(Threshold.LOCAL_MEAN, false, Hints.DETECT_HARDER);

	private final Threshold threshold;

	private final boolean inverted;

	private final List<Map<DecodeHintType, Object>> attempts;

	@SafeVarargs
	QrReading(Threshold threshold, boolean inverted, Map<DecodeHintType, Object>... attempts) {
		this.threshold = threshold;
		this.inverted = inverted;
		this.attempts = List.of(attempts);
	}

	/**
	 * Returns the decoded text, or empty when no QR code was found or it could not be
	 * read.
	 */
	Optional<String> read(GrayImage image) {
		LuminanceSource source = image.toLuminanceSource();
		if (this.inverted) {
			source = new InvertedLuminanceSource(source);
		}
		// the bitmap caches its binarized matrix, so further attempts do not pay for it
		// again
		BinaryBitmap bitmap = new BinaryBitmap(this.threshold.binarizer(source));
		for (Map<DecodeHintType, Object> hints : this.attempts) {
			Optional<String> text = decode(bitmap, hints);
			if (text.isPresent()) {
				return text;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
		try {
			return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
		}
		catch (ReaderException | IllegalArgumentException | IndexOutOfBoundsException notRead) {
			// a few ZXing detector paths report impossible geometry with unchecked
			// exceptions; for a photo that only means "not readable this way"
			return Optional.empty();
		}
	}

	private static final class Hints {

		static final Map<DecodeHintType, Object> PURE = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE);

		static final Map<DecodeHintType, Object> DETECT = Map.of();

		static final Map<DecodeHintType, Object> DETECT_HARDER = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

	}

	private enum Threshold {

		HYBRID, GLOBAL, LOCAL_MEAN;

		Binarizer binarizer(LuminanceSource source) {
			return switch (this) {
				case HYBRID -> new HybridBinarizer(source);
				case GLOBAL -> new GlobalHistogramBinarizer(source);
				case LOCAL_MEAN -> new LocalMeanBinarizer(source);
			};
		}

	}

}
