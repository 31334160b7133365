package dev.punchcard.bot.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;

import org.jspecify.annotations.Nullable;

/**
 * Marks a pixel black when it is darker than the mean of a square window around it by
 * more than an offset. The window is a tenth of the image's long side, wider than ZXing's
 * own local blocks, which keeps blurred, noisy module edges from breaking finder patterns
 * apart. Window sums come from an integral image, so the cost is linear in the pixels.
 */
final class LocalMeanBinarizer extends Binarizer {

	private static final int OFFSET = 8;

	private @Nullable BitMatrix matrix;

	LocalMeanBinarizer(LuminanceSource source) {
		super(source);
	}

	@Override
	public BitArray getBlackRow(int y, @Nullable BitArray row) {
		return getBlackMatrix().getRow(y, row);
	}

	@Override
	public BitMatrix getBlackMatrix() {
		if (this.matrix == null) {
			this.matrix = threshold(getLuminanceSource());
		}
		return this.matrix;
	}

	@Override
	public Binarizer createBinarizer(LuminanceSource source) {
		return new LocalMeanBinarizer(source);
	}

	private static BitMatrix threshold(LuminanceSource source) {
		int width = source.getWidth();
		int height = source.getHeight();
		byte[] pixels = source.getMatrix();
		long[] sums = integral(pixels, width, height);
		int radius = Math.max(4, Math.max(width, height) / 10);
		BitMatrix black = new BitMatrix(width, height);
		for (int y = 0; y < height; y++) {
			int top = Math.max(0, y - radius);
			int bottom = Math.min(height, y + radius + 1);
			for (int x = 0; x < width; x++) {
				int left = Math.max(0, x - radius);
				int right = Math.min(width, x + radius + 1);
				long sum = sums[bottom * (width + 1) + right] - sums[top * (width + 1) + right]
						- sums[bottom * (width + 1) + left] + sums[top * (width + 1) + left];
				long mean = sum / ((long) (bottom - top) * (right - left));
				if ((pixels[y * width + x] & 0xff) < mean - OFFSET) {
					black.set(x, y);
				}
			}
		}
		return black;
	}

	/**
	 * Sums of all pixels above and left of each position, with a zero first row and
	 * column.
	 */
	private static long[] integral(byte[] pixels, int width, int height) {
		long[] sums = new long[(width + 1) * (height + 1)];
		for (int y = 0; y < height; y++) {
			long rowSum = 0;
			for (int x = 0; x < width; x++) {
				rowSum += pixels[y * width + x] & 0xff;
				sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + rowSum;
			}
		}
		return sums;
	}

}
