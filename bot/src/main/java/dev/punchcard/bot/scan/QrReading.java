package dev.punchcard.bot.scan;

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
	 * A screenshot or generated image: the code fills the picture, no detection needed.
	 */
	PURE(Threshold.HYBRID, false, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)),

	/** ZXing's default detection: local thresholds, every few rows scanned. */
	HYBRID(Threshold.HYBRID, false, Map.of()),

	/** Every row scanned, local thresholds. */
	HYBRID_HARDER(Threshold.HYBRID, false, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)),

	/** One threshold for the whole image: better on smooth, low-contrast photos. */
	GLOBAL_HARDER(Threshold.GLOBAL, false, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)),

	/** Light modules on a dark background. */
	INVERTED_HARDER(Threshold.HYBRID, true, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)),

	/** Wide-window local mean threshold: blurred and noisy photos. */
	LOCAL_MEAN_HARDER(Threshold.LOCAL_MEAN, false, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

	private final Threshold threshold;

	private final boolean inverted;

	private final Map<DecodeHintType, Object> hints;

	QrReading(Threshold threshold, boolean inverted, Map<DecodeHintType, Object> hints) {
		this.threshold = threshold;
		this.inverted = inverted;
		this.hints = hints;
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
		BinaryBitmap bitmap = new BinaryBitmap(this.threshold.binarizer(source));
		try {
			return Optional.of(new QRCodeReader().decode(bitmap, this.hints).getText());
		}
		catch (ReaderException | IllegalArgumentException | IndexOutOfBoundsException notRead) {
			// a few ZXing detector paths report impossible geometry with unchecked
			// exceptions; for a photo that only means "not readable this way"
			return Optional.empty();
		}
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
