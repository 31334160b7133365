package dev.punchcard.bot.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG or JPEG bytes with ImageIO, refusing images over the size limits before
 * their pixels are decoded, so a small file that claims huge dimensions costs nothing.
 */
final class BoundedImageReader {

	private final int maxBytes;

	private final long maxPixels;

	BoundedImageReader(int maxBytes, long maxPixels) {
		this.maxBytes = maxBytes;
		this.maxPixels = maxPixels;
	}

	/**
	 * Returns the image, or empty when the bytes are too many, unreadable or too large an
	 * image.
	 */
	Optional<BufferedImage> read(byte[] bytes) {
		if (bytes.length == 0 || bytes.length > this.maxBytes) {
			return Optional.empty();
		}
		// in memory: ImageIO.createImageInputStream would spool the bytes to a temporary
		// file
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			return readFirstImage(input);
		}
		catch (IOException | RuntimeException unreadable) {
			// ImageIO plugins signal corrupt data with unchecked exceptions as well as
			// IIOException
			return Optional.empty();
		}
	}

	private Optional<BufferedImage> readFirstImage(ImageInputStream input) throws IOException {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
		if (!readers.hasNext()) {
			return Optional.empty();
		}
		ImageReader reader = readers.next();
		try {
			reader.setInput(input, true, true);
			long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
			if (pixels <= 0 || pixels > this.maxPixels) {
				return Optional.empty();
			}
			return Optional.ofNullable(reader.read(0));
		}
		finally {
			reader.dispose();
		}
	}

}
