package dev.punchcard.bot.scan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs decode steps in order until one reads the code or the time budget is spent. Cheap,
 * usually successful steps come first so that the typical photo costs one or two ZXing
 * calls; derived views are computed at most once per photo.
 */
final class DecodePipeline {

	/**
	 * Two cheap readings of the photo as sent, which read most photos; then, for the
	 * rest, steps in the order of photos rescued per millisecond of CPU measured on the
	 * ZXing black-box corpus and generated photos; then fallbacks for cases those sets
	 * lack (light-on-dark codes, small codes in large photos) or that rescued a few more
	 * photos. See bench/qr/RESULTS.md.
	 */
	static final List<DecodeStep> STANDARD = List.of(new DecodeStep(PhotoView.WORKING, QrReading.HYBRID),
			new DecodeStep(PhotoView.WORKING, QrReading.GLOBAL_HARDER),
			new DecodeStep(PhotoView.HALVED, QrReading.HYBRID_HARDER),
			new DecodeStep(PhotoView.WORKING, QrReading.LOCAL_MEAN_HARDER),
			new DecodeStep(PhotoView.HALVED, QrReading.GLOBAL_HARDER),
			new DecodeStep(PhotoView.PADDED, QrReading.GLOBAL_HARDER),
			new DecodeStep(PhotoView.SHARPENED, QrReading.HYBRID_HARDER),
			new DecodeStep(PhotoView.ENLARGED_TRIPLE, QrReading.HYBRID),
			new DecodeStep(PhotoView.TURNED_45, QrReading.HYBRID),
			new DecodeStep(PhotoView.SHARPENED, QrReading.LOCAL_MEAN_HARDER),
			new DecodeStep(PhotoView.ENLARGED_TRIPLE, QrReading.GLOBAL_HARDER),
			new DecodeStep(PhotoView.ENLARGED_TRIPLE, QrReading.LOCAL_MEAN_HARDER),
			new DecodeStep(PhotoView.ENLARGED, QrReading.HYBRID_HARDER),
			new DecodeStep(PhotoView.WORKING, QrReading.INVERTED_HARDER),
			new DecodeStep(PhotoView.TURNED_90, QrReading.HYBRID_HARDER),
			new DecodeStep(PhotoView.SHARPENED_ENLARGED, QrReading.HYBRID_HARDER),
			new DecodeStep(PhotoView.TURNED_45, QrReading.LOCAL_MEAN_HARDER),
			new DecodeStep(PhotoView.FULL, QrReading.HYBRID_HARDER));

	private final List<DecodeStep> steps;

	private final LongSupplier nanoTime;

	DecodePipeline(List<DecodeStep> steps, LongSupplier nanoTime) {
		this.steps = List.copyOf(steps);
		this.nanoTime = nanoTime;
	}

	/**
	 * Returns the first successful read, or empty when every step failed or the budget
	 * ran out. The first step always runs; later ones start only before the deadline.
	 */
	Optional<Decoded> run(GrayImage photo, long budgetNanos) {
		long start = this.nanoTime.getAsLong();
		Map<PhotoView, Optional<GrayImage>> views = new EnumMap<>(PhotoView.class);
		GrayImage working = PhotoView.working(photo);
		for (int i = 0; i < this.steps.size(); i++) {
			if (i > 0 && this.nanoTime.getAsLong() - start >= budgetNanos) {
				return Optional.empty();
			}
			DecodeStep step = this.steps.get(i);
			Optional<String> text = views.computeIfAbsent(step.view(), (view) -> view.derive(photo, working))
				.flatMap(step.reading()::read);
			if (text.isPresent()) {
				return Optional.of(new Decoded(text.get(), step));
			}
		}
		return Optional.empty();
	}

	/**
	 * A successful read and the step that produced it.
	 *
	 * @param text the code's content
	 * @param step the step that read it
	 */
	record Decoded(String text, DecodeStep step) {
	}

}
