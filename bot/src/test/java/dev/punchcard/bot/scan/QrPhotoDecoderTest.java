package dev.punchcard.bot.scan;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.punchcard.bot.scan.TestImages.CARD_CODE;
import static org.assertj.core.api.Assertions.assertThat;

class QrPhotoDecoderTest {

	private static final BufferedImage CARD = TestImages.qrCode(CARD_CODE, 6);

	// what can be read must not depend on how busy the build machine is: the budget is
	// tested on its own with a fake clock, and measured by bench/qr
	private final QrPhotoDecoder decoder = new QrPhotoDecoder(
			new QrDecodingSettings(10 * 1024 * 1024, 24_000_000L, Duration.ofSeconds(30)));

	@Test
	void should_read_the_card_code_when_the_image_is_a_clean_png() {
		assertThat(this.decoder.decode(TestImages.png(CARD))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 17, 45, 90, 133, 200, 270, 333 })
	void should_read_the_card_code_when_the_photo_is_rotated(double degrees) {
		BufferedImage photo = PhotoDistortions.rotated(CARD, degrees, PhotoDistortions.TABLE);

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.4, 0.6, 2.5, 6 })
	void should_read_the_card_code_when_the_photo_is_scaled(double factor) {
		BufferedImage photo = PhotoDistortions.scaled(CARD, factor);

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 3, 1 })
	void should_read_the_card_code_when_it_is_part_of_a_large_camera_frame(int codeScale) {
		BufferedImage code = PhotoDistortions.scaled(CARD, codeScale);
		BufferedImage frame = PhotoDistortions.onTable(code, 1000);

		assertThat(frame.getWidth()).isGreaterThan(PhotoView.LARGE);
		assertThat(this.decoder.decode(TestImages.jpeg(frame, 0.9f))).contains(CARD_CODE);
	}

	@Test
	void should_read_the_card_code_when_the_photo_has_gaussian_noise() {
		BufferedImage photo = PhotoDistortions.noisy(CARD, 45, new Random(1));

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@Test
	void should_read_the_card_code_when_the_photo_has_salt_and_pepper_noise() {
		BufferedImage photo = PhotoDistortions.saltAndPepper(CARD, 0.06, new Random(2));

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 3, 5, 7 })
	void should_read_the_card_code_when_the_photo_is_blurred(int size) {
		BufferedImage photo = PhotoDistortions.blurred(CARD, size);

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(longs = { 3, 4, 5 })
	void should_read_the_card_code_when_the_photo_is_taken_at_an_angle(long seed) {
		BufferedImage onTable = PhotoDistortions.onTable(CARD, CARD.getWidth() / 4);
		BufferedImage photo = PhotoDistortions.skewed(onTable, 0.1, new Random(seed));

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@Test
	void should_read_the_card_code_when_the_photo_has_low_contrast() {
		BufferedImage photo = PhotoDistortions.lowContrast(CARD, 105, 150);

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@Test
	void should_read_the_card_code_when_the_photo_is_a_heavily_compressed_jpeg() {
		BufferedImage photo = PhotoDistortions.scaled(CARD, 0.5);

		assertThat(this.decoder.decode(TestImages.jpeg(photo, 0.1f))).contains(CARD_CODE);
	}

	@Test
	void should_read_the_card_code_when_the_code_is_light_on_dark() {
		BufferedImage photo = PhotoDistortions.lowContrast(CARD, 255, 0);

		assertThat(this.decoder.decode(TestImages.png(photo))).contains(CARD_CODE);
	}

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void should_read_the_code_when_a_seeded_photo_combines_distortions(long seed) {
		DistortedPhotos.Photo photo = DistortedPhotos.next(new SplittableRandom(seed));

		assertThat(this.decoder.decode(photo.jpeg())).as(photo.description()).contains(photo.text());
	}

	@Test
	void should_find_nothing_when_the_photo_has_no_qr_code() {
		BufferedImage photo = PhotoDistortions.noisy(
				PhotoDistortions.onTable(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), 50), 25,
				new Random(7));

		assertThat(this.decoder.decode(TestImages.jpeg(photo, 0.8f))).isEmpty();
	}

	@Test
	void should_find_nothing_when_the_bytes_are_not_an_image() {
		byte[] garbage = new byte[4096];
		new Random(8).nextBytes(garbage);

		assertThat(this.decoder.decode(garbage)).isEmpty();
		assertThat(this.decoder.decode(new byte[0])).isEmpty();
	}

	@Test
	void should_find_nothing_when_the_image_is_truncated() {
		byte[] png = TestImages.png(CARD);

		assertThat(this.decoder.decode(java.util.Arrays.copyOf(png, png.length / 2))).isEmpty();
	}

	@Test
	void should_find_nothing_when_the_image_has_more_pixels_than_allowed() {
		QrPhotoDecoder strict = new QrPhotoDecoder(new QrDecodingSettings(1_000_000, 10_000, Duration.ofSeconds(1)));

		assertThat((long) CARD.getWidth() * CARD.getHeight()).isGreaterThan(10_000);
		assertThat(strict.decode(TestImages.png(CARD))).isEmpty();
	}

	@Test
	void should_find_nothing_without_decoding_pixels_when_the_header_claims_a_huge_image() {
		byte[] bomb = PngHeaders.withDimensions(TestImages.png(CARD), 100_000, 100_000);

		assertThat(this.decoder.decode(bomb)).isEmpty();
	}

	@Test
	void should_find_nothing_when_the_file_is_larger_than_allowed() {
		QrPhotoDecoder strict = new QrPhotoDecoder(new QrDecodingSettings(1_000, 24_000_000, Duration.ofSeconds(1)));
		byte[] png = TestImages.png(PhotoDistortions.noisy(CARD, 10, new Random(9)));

		assertThat(png.length).isGreaterThan(1_000);
		assertThat(this.decoder.decode(png)).contains(CARD_CODE);
		assertThat(strict.decode(png)).isEmpty();
	}

	@Test
	void should_stop_after_the_first_step_when_the_time_budget_is_spent() {
		// every clock reading is a second later, so the 300 ms budget is gone after one
		// step
		AtomicLong clock = new AtomicLong();
		QrPhotoDecoder slowMachine = new QrPhotoDecoder(QrDecodingSettings.defaults(),
				() -> clock.addAndGet(1_000_000_000L));
		byte[] lightOnDark = TestImages.png(PhotoDistortions.lowContrast(CARD, 255, 0));

		assertThat(slowMachine.decode(lightOnDark)).isEmpty();
		assertThat(slowMachine.decode(TestImages.png(CARD))).contains(CARD_CODE);
	}

	@Test
	void should_give_each_caller_its_own_result_when_used_from_many_threads() throws Exception {
		byte[] first = TestImages.png(PhotoDistortions.rotated(CARD, 30, Color.WHITE));
		byte[] second = TestImages.png(TestImages.qrCode("PC1-OTHERCODE000000000000", 5));

		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
			var results = pool.invokeAll(java.util.stream.IntStream
				.range(0, 40).<java.util.concurrent.Callable<Optional<String>>>mapToObj(
						(i) -> () -> this.decoder.decode((i % 2 == 0) ? first : second))
				.toList());
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).contains((i % 2 == 0) ? CARD_CODE : "PC1-OTHERCODE000000000000");
			}
		}
	}

}
