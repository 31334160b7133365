package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/** Seeded random "customer photos" of card-like QR codes, for tests and the benchmark. */
final class DistortedPhotos {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private DistortedPhotos() {
	}

	/**
	 * A JPEG photo of a random card code: on a table, skewed, turned by any angle,
	 * resized, blurred, dimmed, noisy and recompressed, each by a random amount within
	 * what a phone camera plausibly does.
	 */
	static Photo next(RandomGenerator random) {
		return photo(random, 0, 0);
	}

	/**
	 * As {@link #next}, but the code covers 15 to 35 % of the width of a camera frame of
	 * the given size, at a random place: what a chat client sends of a real photo.
	 */
	static Photo nextInFrame(RandomGenerator random, int width, int height) {
		return photo(random, width, height);
	}

	private static Photo photo(RandomGenerator random, int frameWidth, int frameHeight) {
		String text = randomCardCode(random);
		BufferedImage image = TestImages.qrCode(text, 4 + random.nextInt(5));
		image = PhotoDistortions.onTable(image, image.getWidth() / 4);
		double skew = random.nextDouble() * 0.08;
		image = PhotoDistortions.skewed(image, skew, random);
		// lens blur is relative to the card's modules, so it comes before the sensor's
		// resolution
		int blur = random.nextInt(3) * 2 + 1;
		image = (blur > 1) ? PhotoDistortions.blurred(image, blur) : image;
		double angle = random.nextDouble() * 360;
		image = PhotoDistortions.rotated(image, angle, PhotoDistortions.TABLE);
		double scale = (frameWidth == 0) ? 0.5 + random.nextDouble() * 1.5
				: frameWidth * (0.15 + random.nextDouble() * 0.2) / image.getWidth();
		image = PhotoDistortions.scaled(image, scale);
		if (frameWidth > 0) {
			image = PhotoDistortions.placed(image, frameWidth, frameHeight, random);
		}
		int low = random.nextInt(90);
		int high = 255 - random.nextInt(90);
		image = PhotoDistortions.lowContrast(image, low, high);
		double sigma = random.nextDouble() * 20;
		image = PhotoDistortions.noisy(image, sigma, random);
		float quality = 0.4f + random.nextFloat() * 0.5f;
		String description = String.format(java.util.Locale.ROOT,
				"skew=%.2f angle=%.0f scale=%.2f blur=%d levels=%d..%d sigma=%.1f jpeg=%.2f", skew, angle, scale, blur,
				low, high, sigma, quality);
		return new Photo(text, TestImages.jpeg(image, quality), description);
	}

	static String randomCardCode(RandomGenerator random) {
		StringBuilder code = new StringBuilder("PC1-");
		for (int i = 0; i < 21; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A generated photo.
	 *
	 * @param text what its QR code encodes
	 * @param jpeg the photo as sent
	 * @param description the distortions applied, for failure messages
	 */
	record Photo(String text, byte[] jpeg, String description) {
	}

}
