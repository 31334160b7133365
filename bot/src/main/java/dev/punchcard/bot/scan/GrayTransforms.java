package dev.punchcard.bot.scan;

/**
 * Resampling steps the pipeline applies before a retry: resizing, rotating, adding a
 * quiet zone. All are plain loops over {@link GrayImage} pixels, far cheaper than Java2D
 * on gray images.
 */
final class GrayTransforms {

	private static final int WHITE = 255;

	private GrayTransforms() {
	}

	/**
	 * Scales so that the long side becomes {@code targetLongSide}, averaging when
	 * shrinking.
	 */
	static GrayImage resizedTo(GrayImage image, int targetLongSide) {
		double factor = (double) targetLongSide / image.longSide();
		int width = Math.max(1, (int) Math.round(image.width() * factor));
		int height = Math.max(1, (int) Math.round(image.height() * factor));
		return (factor < 1) ? shrunk(image, width, height) : enlarged(image, width, height);
	}

	/**
	 * Rotates about the centre onto a canvas just large enough, filling the corners
	 * white.
	 */
	static GrayImage rotated(GrayImage image, double degrees) {
		double radians = Math.toRadians(degrees);
		double cos = Math.cos(radians);
		double sin = Math.sin(radians);
		int width = (int) Math.ceil(Math.abs(image.width() * cos) + Math.abs(image.height() * sin));
		int height = (int) Math.ceil(Math.abs(image.width() * sin) + Math.abs(image.height() * cos));
		double srcCx = image.width() / 2.0;
		double srcCy = image.height() / 2.0;
		byte[] out = new byte[width * height];
		for (int y = 0; y < height; y++) {
			double dy = y + 0.5 - height / 2.0;
			for (int x = 0; x < width; x++) {
				double dx = x + 0.5 - width / 2.0;
				double sx = cos * dx - sin * dy + srcCx - 0.5;
				double sy = sin * dx + cos * dy + srcCy - 0.5;
				out[y * width + x] = (byte) bilinear(image, sx, sy);
			}
		}
		return new GrayImage(out, width, height);
	}

	/**
	 * Surrounds the image with a white border, giving codes cropped to their edge a quiet
	 * zone.
	 */
	static GrayImage padded(GrayImage image, int margin) {
		int width = image.width() + 2 * margin;
		int height = image.height() + 2 * margin;
		byte[] out = new byte[width * height];
		java.util.Arrays.fill(out, (byte) WHITE);
		for (int y = 0; y < image.height(); y++) {
			for (int x = 0; x < image.width(); x++) {
				out[(y + margin) * width + x + margin] = (byte) image.at(x, y);
			}
		}
		return new GrayImage(out, width, height);
	}

	/**
	 * Unsharp mask: each pixel pushed away from its 3x3 neighbourhood mean by
	 * {@code amount}, which restores module edges softened by focus blur.
	 */
	static GrayImage sharpened(GrayImage image, double amount) {
		int width = image.width();
		int height = image.height();
		byte[] out = new byte[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int left = Math.max(0, x - 1);
				int top = Math.max(0, y - 1);
				int right = Math.min(width, x + 2);
				int bottom = Math.min(height, y + 2);
				double mean = boxAverage(image, left, top, right, bottom);
				double value = image.at(x, y) + amount * (image.at(x, y) - mean);
				out[y * width + x] = (byte) Math.clamp(Math.round(value), 0, WHITE);
			}
		}
		return new GrayImage(out, width, height);
	}

	private static GrayImage shrunk(GrayImage image, int width, int height) {
		byte[] out = new byte[width * height];
		for (int y = 0; y < height; y++) {
			int top = y * image.height() / height;
			int bottom = Math.max(top + 1, (y + 1) * image.height() / height);
			for (int x = 0; x < width; x++) {
				int left = x * image.width() / width;
				int right = Math.max(left + 1, (x + 1) * image.width() / width);
				out[y * width + x] = (byte) boxAverage(image, left, top, right, bottom);
			}
		}
		return new GrayImage(out, width, height);
	}

	private static GrayImage enlarged(GrayImage image, int width, int height) {
		byte[] out = new byte[width * height];
		double scaleX = (double) image.width() / width;
		double scaleY = (double) image.height() / height;
		for (int y = 0; y < height; y++) {
			double sy = (y + 0.5) * scaleY - 0.5;
			for (int x = 0; x < width; x++) {
				out[y * width + x] = (byte) bilinear(image, (x + 0.5) * scaleX - 0.5, sy);
			}
		}
		return new GrayImage(out, width, height);
	}

	private static int boxAverage(GrayImage image, int left, int top, int right, int bottom) {
		int sum = 0;
		for (int y = top; y < bottom; y++) {
			for (int x = left; x < right; x++) {
				sum += image.at(x, y);
			}
		}
		return sum / ((right - left) * (bottom - top));
	}

	private static int bilinear(GrayImage image, double x, double y) {
		if (x < -0.5 || y < -0.5 || x > image.width() - 0.5 || y > image.height() - 0.5) {
			return WHITE;
		}
		int x0 = clamp((int) Math.floor(x), image.width());
		int y0 = clamp((int) Math.floor(y), image.height());
		int x1 = clamp(x0 + 1, image.width());
		int y1 = clamp(y0 + 1, image.height());
		double fx = Math.clamp(x - x0, 0, 1);
		double fy = Math.clamp(y - y0, 0, 1);
		double top = image.at(x0, y0) * (1 - fx) + image.at(x1, y0) * fx;
		double bottom = image.at(x0, y1) * (1 - fx) + image.at(x1, y1) * fx;
		return (int) Math.round(top * (1 - fy) + bottom * fy);
	}

	private static int clamp(int value, int size) {
		return Math.clamp(value, 0, size - 1);
	}

}
