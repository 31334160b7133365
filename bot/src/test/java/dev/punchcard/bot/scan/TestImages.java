package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Makes QR code images and encodes images the way a chat client would send them. */
final class TestImages {

	static final String CARD_CODE = "PC1-7K3M9QX2TB4W8N6R5Y1ZD";

	private TestImages() {
	}

	/**
	 * A black-on-white QR code with {@code pixelsPerModule} and a 4-module quiet zone.
	 */
	static BufferedImage qrCode(String text, int pixelsPerModule) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
			BitMatrix scaled = new BitMatrix(modules.getWidth() * pixelsPerModule);
			for (int y = 0; y < scaled.getHeight(); y++) {
				for (int x = 0; x < scaled.getWidth(); x++) {
					if (modules.get(x / pixelsPerModule, y / pixelsPerModule)) {
						scaled.set(x, y);
					}
				}
			}
			return toRgb(MatrixToImageWriter.toBufferedImage(scaled));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode " + text, ex);
		}
	}

	static BufferedImage toRgb(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.createGraphics().drawImage(image, 0, 0, null);
		return rgb;
	}

	static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** JPEG at {@code quality} between 0 and 1, as messengers recompress photos. */
	static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(toRgb(image), null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
