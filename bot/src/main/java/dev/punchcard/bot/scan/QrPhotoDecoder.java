package dev.punchcard.bot.scan;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads the text of a QR code from a photo (PNG or JPEG bytes), trying increasingly
 * costly ways to find it within a per-photo time budget.
 * <p>
 * Thread-safe: it holds only settings, and every call creates its own ZXing readers.
 */
public final class QrPhotoDecoder {

	private final BoundedImageReader images;

	private final DecodePipeline pipeline;

	private final long budgetNanos;

	public QrPhotoDecoder(QrDecodingSettings settings) {
		this(settings, System::nanoTime);
	}

	QrPhotoDecoder(QrDecodingSettings settings, LongSupplier nanoTime) {
		this.images = new BoundedImageReader(settings.maxBytes(), settings.maxPixels());
		this.pipeline = new DecodePipeline(DecodePipeline.STANDARD, nanoTime);
		this.budgetNanos = settings.timeBudget().toNanos();
	}

	/**
	 * Returns the text of the QR code in the photo, or empty when the bytes are not a
	 * readable image, the image exceeds the limits, or no code could be read within the
	 * time budget. Never throws for bad input.
	 */
	public Optional<String> decode(byte[] imageBytes) {
		return decodeTraced(imageBytes).map(DecodePipeline.Decoded::text);
	}

	/**
	 * As {@link #decode(byte[])}, also telling which step succeeded; for measurements.
	 */
	Optional<DecodePipeline.Decoded> decodeTraced(byte[] imageBytes) {
		return this.images.read(imageBytes)
			.flatMap((image) -> this.pipeline.run(GrayImage.of(image), this.budgetNanos));
	}

}
