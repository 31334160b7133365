package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;

/**
 * An 8-bit luminance image in row-major order; the pipeline's own transforms work on it,
 * so colour conversion happens once per photo. Treated as immutable: transforms return
 * new images.
 */
final class GrayImage {

	private final byte[] pixels;

	private final int width;

	private final int height;

	GrayImage(byte[] pixels, int width, int height) {
		if (width <= 0 || height <= 0 || pixels.length != width * height) {
			throw new IllegalArgumentException("Pixels do not match " + width + "x" + height);
		}
		this.pixels = pixels;
		this.width = width;
		this.height = height;
	}

	static GrayImage of(BufferedImage image) {
		// ZXing's own conversion: handles every image type and maps transparency to white
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		return new GrayImage(source.getMatrix(), source.getWidth(), source.getHeight());
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	int longSide() {
		return Math.max(this.width, this.height);
	}

	int at(int x, int y) {
		return this.pixels[y * this.width + x] & 0xff;
	}

	LuminanceSource toLuminanceSource() {
		// the Y plane of a YUV frame is exactly a luminance array, so no copy is needed
		return new PlanarYUVLuminanceSource(this.pixels, this.width, this.height, 0, 0, this.width, this.height, false);
	}

}
