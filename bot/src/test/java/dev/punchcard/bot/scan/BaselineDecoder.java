package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * What a first attempt with ZXing looks like: ImageIO, then MultiFormatReader with a
 * HybridBinarizer and no hints; a result counts only if it is a QR code. The benchmark's
 * point of comparison.
 */
final class BaselineDecoder {

	Optional<String> decode(byte[] imageBytes) {
		try {
			// read in memory like QrPhotoDecoder, so the comparison is about decoding
			// alone
			BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes)));
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
