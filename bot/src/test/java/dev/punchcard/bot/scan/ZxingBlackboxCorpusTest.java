package dev.punchcard.bot.scan;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Decode rates on ZXing's own QR black-box photos must reach at least what ZXing's tests
 * require of ZXing itself (QRCodeBlackBox1..3TestCase), at each of its rotations.
 */
class ZxingBlackboxCorpusTest {

	// what can be read must not depend on how busy the build machine is: the budget is
	// tested on its own with a fake clock, and measured by bench/qr
	private final QrPhotoDecoder decoder = new QrPhotoDecoder(
			new QrDecodingSettings(10 * 1024 * 1024, 24_000_000L, Duration.ofSeconds(30)));

	@ParameterizedTest(name = "{0} at {1} degrees: at least {2}")
	@CsvSource({ "qrcode-1, 0, 17", "qrcode-2, 0, 32", "qrcode-3, 0, 38", "qrcode-1, 90, 14", "qrcode-2, 90, 30",
			"qrcode-3, 90, 39", "qrcode-1, 180, 17", "qrcode-2, 180, 31", "qrcode-3, 180, 36", "qrcode-1, 270, 14",
			"qrcode-2, 270, 31", "qrcode-3, 270, 39" })
	void should_decode_at_least_the_upstream_minimum_when_reading_a_blackbox_set(String set, int degrees, int minimum)
			throws IOException {
		List<BlackboxCorpus.Entry> entries = BlackboxCorpus.locate().entries(set);
		List<String> failed = new ArrayList<>();

		for (BlackboxCorpus.Entry entry : entries) {
			Optional<String> text = this.decoder.decode(photoBytes(entry, degrees));
			if (!text.equals(Optional.of(entry.expected()))) {
				failed.add(entry.name());
			}
		}

		int decoded = entries.size() - failed.size();
		assertThat(decoded)
			.as("decoded %d of %d in %s at %d degrees; failed: %s", decoded, entries.size(), set, degrees, failed)
			.isGreaterThanOrEqualTo(minimum);
	}

	@Test
	void should_fail_with_instructions_when_the_corpus_is_missing() {
		assertThatIllegalStateException().isThrownBy(() -> BlackboxCorpus.locate("/nonexistent/zxing-blackbox"))
			.withMessageContaining("/nonexistent/zxing-blackbox")
			.withMessageContaining("-D" + BlackboxCorpus.PROPERTY);
	}

	private static byte[] photoBytes(BlackboxCorpus.Entry entry, int degrees) throws IOException {
		if (degrees == 0) {
			return Files.readAllBytes(entry.png());
		}
		BufferedImage image = ImageIO.read(entry.png().toFile());
		return TestImages.png(PhotoDistortions.rotated(image, degrees, Color.WHITE));
	}

}
