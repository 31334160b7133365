package dev.punchcard.bot.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.random.RandomGenerator;

import com.google.zxing.common.PerspectiveTransform;

/**
 * Ways a phone camera and a messenger spoil a clean QR code image. Each returns a new
 * image.
 */
final class PhotoDistortions {

	static final Color TABLE = new Color(128, 118, 104);

	private PhotoDistortions() {
	}

	/** Puts the image on a table-coloured canvas with {@code margin} pixels around it. */
	static BufferedImage onTable(BufferedImage image, int margin) {
		BufferedImage out = new BufferedImage(image.getWidth() + 2 * margin, image.getHeight() + 2 * margin,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(TABLE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.drawImage(image, margin, margin, null);
		g.dispose();
		return out;
	}

	/** Puts the image at a random place in a table-coloured frame of the given size. */
	static BufferedImage placed(BufferedImage image, int width, int height, RandomGenerator random) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(TABLE);
		g.fillRect(0, 0, width, height);
		int x = random.nextInt(Math.max(1, width - image.getWidth()));
		int y = random.nextInt(Math.max(1, height - image.getHeight()));
		g.drawImage(image, x, y, null);
		g.dispose();
		return out;
	}

	/**
	 * Turns the image about its centre with bicubic interpolation onto a canvas that fits
	 * it.
	 */
	static BufferedImage rotated(BufferedImage image, double degrees, Color background) {
		double radians = Math.toRadians(degrees);
		double cos = Math.abs(Math.cos(radians));
		double sin = Math.abs(Math.sin(radians));
		int width = (int) Math.round(image.getWidth() * cos + image.getHeight() * sin);
		int height = (int) Math.round(image.getWidth() * sin + image.getHeight() * cos);
		AffineTransform transform = new AffineTransform();
		transform.translate(width / 2.0, height / 2.0);
		transform.rotate(radians);
		transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(background);
		g.fillRect(0, 0, width, height);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(image, transform, null);
		g.dispose();
		return out;
	}

	static BufferedImage scaled(BufferedImage image, double factor) {
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return out;
	}

	/**
	 * Moves each corner by up to {@code strength} of the size, as a photo taken at an
	 * angle.
	 */
	static BufferedImage skewed(BufferedImage image, double strength, RandomGenerator random) {
		int w = image.getWidth();
		int h = image.getHeight();
		float[] corners = { 0, 0, w, 0, w, h, 0, h };
		float[] moved = new float[8];
		for (int i = 0; i < 8; i++) {
			double jitter = (random.nextDouble() * 2 - 1) * strength * ((i % 2 == 0) ? w : h);
			moved[i] = (float) (corners[i] + jitter);
		}
		// maps output pixels back to where they come from in the input
		PerspectiveTransform toSource = PerspectiveTransform.quadrilateralToQuadrilateral(moved[0], moved[1], moved[2],
				moved[3], moved[4], moved[5], moved[6], moved[7], 0, 0, w, 0, w, h, 0, h);
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		float[] point = new float[2];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				point[0] = x + 0.5f;
				point[1] = y + 0.5f;
				toSource.transformPoints(point);
				int sx = (int) Math.floor(point[0]);
				int sy = (int) Math.floor(point[1]);
				boolean inside = sx >= 0 && sy >= 0 && sx < w && sy < h;
				out.setRGB(x, y, inside ? image.getRGB(sx, sy) : TABLE.getRGB());
			}
		}
		return out;
	}

	/** Adds zero-mean Gaussian noise of {@code sigma} grey levels to every channel. */
	static BufferedImage noisy(BufferedImage image, double sigma, RandomGenerator random) {
		return mapPixels(image, (value) -> value + (int) Math.round(random.nextGaussian() * sigma));
	}

	/** Turns {@code fraction} of the pixels pure black or pure white. */
	static BufferedImage saltAndPepper(BufferedImage image, double fraction, RandomGenerator random) {
		BufferedImage out = copy(image);
		int count = (int) (fraction * image.getWidth() * image.getHeight());
		for (int i = 0; i < count; i++) {
			int rgb = random.nextBoolean() ? 0xffffff : 0;
			out.setRGB(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), rgb);
		}
		return out;
	}

	/** A box blur of the given odd {@code size}, like a slightly out-of-focus lens. */
	static BufferedImage blurred(BufferedImage image, int size) {
		float[] weights = new float[size * size];
		java.util.Arrays.fill(weights, 1f / weights.length);
		return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(copy(image), null);
	}

	/** Squeezes all levels into {@code [low, high]}: a dim photo of a glossy card. */
	static BufferedImage lowContrast(BufferedImage image, int low, int high) {
		return mapPixels(image, (value) -> low + value * (high - low) / 255);
	}

	private static BufferedImage mapPixels(BufferedImage image, java.util.function.IntUnaryOperator level) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int r = clamp(level.applyAsInt((rgb >> 16) & 0xff));
				int g = clamp(level.applyAsInt((rgb >> 8) & 0xff));
				int b = clamp(level.applyAsInt(rgb & 0xff));
				out.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return out;
	}

	private static BufferedImage copy(BufferedImage image) {
		return TestImages.toRgb(image);
	}

	private static int clamp(int level) {
		return Math.clamp(level, 0, 255);
	}

}
