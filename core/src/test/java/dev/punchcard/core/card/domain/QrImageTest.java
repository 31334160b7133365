package dev.punchcard.core.card.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QrImageTest {

	@Test
	void should_render_a_png_that_decodes_to_the_same_text() throws Exception {
		byte[] png = QrImage.png("A1B2C3D4E5F6G7H8J9K0MN", 300);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText()).isEqualTo("A1B2C3D4E5F6G7H8J9K0MN");
	}

	@Test
	void should_refuse_sizes_outside_the_limits() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrImage.png("x", 10));
		assertThatIllegalArgumentException().isThrownBy(() -> QrImage.png("x", 5000));
	}

}
