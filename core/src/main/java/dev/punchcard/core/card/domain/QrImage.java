package dev.punchcard.core.card.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
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

	public static byte[] png(String text, int sizePixels) {
		if (sizePixels < MIN_SIZE || sizePixels > MAX_SIZE) {
			throw new IllegalArgumentException("QR size must be between " + MIN_SIZE + " and " + MAX_SIZE);
		}
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
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
