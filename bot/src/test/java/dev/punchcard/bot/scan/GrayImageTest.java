package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GrayImageTest {

	@ParameterizedTest
	@ValueSource(ints = { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB,
			BufferedImage.TYPE_4BYTE_ABGR })
	void should_match_zxings_luminance_when_converting_an_image_of_any_type(int type) {
		BufferedImage image = new BufferedImage(37, 23, type);
		SplittableRandom random = new SplittableRandom(type);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, 0xff000000 | random.nextInt(0x1000000));
			}
		}

		GrayImage gray = GrayImage.of(image);

		byte[] expected = new BufferedImageLuminanceSource(image).getMatrix();
		assertThat(gray.width()).isEqualTo(37);
		assertThat(gray.height()).isEqualTo(23);
		for (int y = 0; y < gray.height(); y++) {
			for (int x = 0; x < gray.width(); x++) {
				assertThat(gray.at(x, y)).as("pixel %d,%d", x, y)
					.isCloseTo(expected[y * 37 + x] & 0xff, org.assertj.core.data.Offset.offset(1));
			}
		}
	}

}
