package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

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
		if (isPlainInterleaved(image)) {
			return fromInterleavedBytes(image);
		}
		// ZXing's own conversion: handles every image type and maps transparency to white
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		return new GrayImage(source.getMatrix(), source.getWidth(), source.getHeight());
	}

	/**
	 * Gray or BGR bytes without alpha, as ImageIO decodes most JPEGs and PNGs: read
	 * directly, several times faster than ZXing's per-row RGB conversion on camera
	 * photos.
	 */
	private static boolean isPlainInterleaved(BufferedImage image) {
		int type = image.getType();
		Raster raster = image.getRaster();
		return (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
				&& raster.getSampleModel() instanceof PixelInterleavedSampleModel
				&& raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
	}

	private static GrayImage fromInterleavedBytes(BufferedImage image) {
		Raster raster = image.getRaster();
		PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
		byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
		int width = image.getWidth();
		int height = image.getHeight();
		int stride = model.getScanlineStride();
		int step = model.getPixelStride();
		int[] bands = model.getBandOffsets();
		byte[] out = new byte[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int at = y * stride + x * step;
				// BT.601 luma weights in 1/1024ths; gray images have one band
				out[y * width + x] = (byte) ((bands.length == 1) ? data[at + bands[0]] & 0xff
						: (306 * (data[at + bands[0]] & 0xff) + 601 * (data[at + bands[1]] & 0xff)
								+ 117 * (data[at + bands[2]] & 0xff) + 512) >> 10);
			}
		}
		return new GrayImage(out, width, height);
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
