package dev.punchcard.core.card.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders text as a QR code PNG, with error correction level M and a quiet zone, for
 * screens and print.
 */
public final class QrImage {

	public static final int MIN_SIZE = 64;

	public static final int MAX_SIZE = 1024;

	private QrImage() {
	}

	// one byte per pixel written straight into the raster: ZXing's MatrixToImageWriter
	// sets pixel by pixel
	// through an IndexColorModel, which was the largest CPU cost of /start and /card in a
	// profile
	private static BufferedImage grayImage(BitMatrix matrix) {
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				pixels[y * width + x] = matrix.get(x, y) ? 0 : (byte) 0xFF;
			}
		}
		return image;
	}

	public static byte[] png(String text, int sizePixels) {
		if (sizePixels < MIN_SIZE || sizePixels > MAX_SIZE) {
			throw new IllegalArgumentException("QR size must be between " + MIN_SIZE + " and " + MAX_SIZE);
		}
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(grayImage(matrix), "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("text cannot be encoded as a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
