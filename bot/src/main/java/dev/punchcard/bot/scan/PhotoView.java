package dev.punchcard.bot.scan;

import java.util.Optional;

/**
 * A version of the photo the pipeline may look at, derived from the original. A view that
 * would not help for a given photo (enlarging a large one) is absent.
 */
enum PhotoView {

	/** The photo as sent, unless it is so large that scanning it is slow. */
	WORKING {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			return Optional
				.of((original.longSide() > LARGE) ? GrayTransforms.resizedTo(original, WORKING_SIDE) : original);
		}
	},

	/** The full-resolution photo, when {@link #WORKING} had to shrink it. */
	FULL {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			return (original.longSide() > LARGE) ? Optional.of(original) : Optional.empty();
		}
	},

	/** Twice the size: modules of two or three pixels become wide enough to measure. */
	ENLARGED {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			return (original.longSide() <= SMALL)
					? Optional.of(GrayTransforms.resizedTo(original, 2 * original.longSide())) : Optional.empty();
		}
	},

	/** Half the size: averages away texture inside modules and sensor noise. */
	HALVED {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			int side = Math.min(original.longSide(), WORKING_SIDE) / 2;
			return (side >= MIN_SIDE) ? Optional.of(GrayTransforms.resizedTo(original, side)) : Optional.empty();
		}
	},

	/**
	 * Turned by 45 degrees: finder patterns are searched along rows, which misses some
	 * diagonals.
	 */
	TURNED_45 {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			return Optional.of(GrayTransforms.rotated(WORKING.derive(original).orElseThrow(), 45));
		}
	},

	/** Turned by 90 degrees: the row scan crosses the finder patterns the other way. */
	TURNED_90 {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			return Optional.of(GrayTransforms.rotated(WORKING.derive(original).orElseThrow(), 90));
		}
	},

	/**
	 * With a white border: codes cropped to their edge get the quiet zone detection
	 * needs.
	 */
	PADDED {
		@Override
		Optional<GrayImage> derive(GrayImage original) {
			GrayImage working = WORKING.derive(original).orElseThrow();
			return Optional.of(GrayTransforms.padded(working, Math.max(8, working.longSide() / 10)));
		}
	};

	/** Photos with a longer side above this are scanned shrunk first. */
	static final int LARGE = 1600;

	/**
	 * Long side of a shrunk large photo: enough for a code covering a tenth of the frame.
	 */
	static final int WORKING_SIDE = 1200;

	/** Photos with a longer side up to this are also tried enlarged. */
	static final int SMALL = 700;

	private static final int MIN_SIDE = 60;

	abstract Optional<GrayImage> derive(GrayImage original);

}
