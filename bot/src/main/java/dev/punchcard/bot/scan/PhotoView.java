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
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return Optional.of(working);
		}
	},

	/** The full-resolution photo, when {@link #WORKING} had to shrink it. */
	FULL {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return (original.longSide() > LARGE) ? Optional.of(original) : Optional.empty();
		}
	},

	/** Twice the size: modules of two or three pixels become wide enough to measure. */
	ENLARGED {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return (original.longSide() <= SMALL)
					? Optional.of(GrayTransforms.resizedTo(original, 2 * original.longSide())) : Optional.empty();
		}
	},

	/** Three times the size, for codes of about two pixels per module. */
	ENLARGED_TRIPLE {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return (original.longSide() <= TINY)
					? Optional.of(GrayTransforms.resizedTo(original, 3 * original.longSide())) : Optional.empty();
		}
	},

	/** Edges restored by an unsharp mask: out-of-focus photos. */
	SHARPENED {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return Optional.of(GrayTransforms.sharpened(working, 1.5));
		}
	},

	/** Sharpened, then enlarged when small: out-of-focus photos of small codes. */
	SHARPENED_ENLARGED {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			GrayImage sharp = GrayTransforms.sharpened(working, 1.5);
			return Optional
				.of((sharp.longSide() <= SMALL) ? GrayTransforms.resizedTo(sharp, 2 * sharp.longSide()) : sharp);
		}
	},

	/** Half the size: averages away texture inside modules and sensor noise. */
	HALVED {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			int side = working.longSide() / 2;
			return (side >= MIN_SIDE) ? Optional.of(GrayTransforms.resizedTo(original, side)) : Optional.empty();
		}
	},

	/**
	 * Turned by 45 degrees: finder patterns are searched along rows, which misses some
	 * diagonals.
	 */
	TURNED_45 {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return Optional.of(GrayTransforms.rotated(working, 45));
		}
	},

	/** Turned by 90 degrees: the row scan crosses the finder patterns the other way. */
	TURNED_90 {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
			return Optional.of(GrayTransforms.rotated(working, 90));
		}
	},

	/**
	 * With a white border: codes cropped to their edge get the quiet zone detection
	 * needs.
	 */
	PADDED {
		@Override
		Optional<GrayImage> derive(GrayImage original, GrayImage working) {
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

	/** Photos with a longer side up to this are also tried at three times the size. */
	static final int TINY = 400;

	private static final int MIN_SIDE = 60;

	/** The photo, shrunk when it is {@link #LARGE}: the view most steps start from. */
	static GrayImage working(GrayImage original) {
		return (original.longSide() > LARGE) ? GrayTransforms.resizedTo(original, WORKING_SIDE) : original;
	}

	/**
	 * Returns this view of the photo, or empty when it does not apply.
	 * @param original the photo as decoded
	 * @param working the {@link #WORKING} view, which several views start from
	 */
	abstract Optional<GrayImage> derive(GrayImage original, GrayImage working);

}
