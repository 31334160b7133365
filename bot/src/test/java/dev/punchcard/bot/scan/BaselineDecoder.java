package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * What a first attempt with ZXing looks like: ImageIO, then MultiFormatReader with a
 * HybridBinarizer and no hints. The benchmark's point of comparison.
 */
final class BaselineDecoder {

	Optional<String> decode(byte[] imageBytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageBytes));
			if (image == null) {
				return Optional.empty();
			}
			BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
			Result result = new MultiFormatReader().decode(bitmap);
			return (result.getBarcodeFormat() == BarcodeFormat.QR_CODE) ? Optional.of(result.getText())
					: Optional.empty();
		}
		catch (IOException | ReaderException ex) {
			return Optional.empty();
		}
	}

}
