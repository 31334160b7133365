package dev.punchcard.bot.scan;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Rewrites a PNG's declared size, as a decompression bomb would claim one. */
final class PngHeaders {

	// 8-byte signature, then the IHDR chunk: length (4), type (4), width (4), height (4),
	// ...
	private static final int IHDR_TYPE = 12;

	private static final int IHDR_DATA_LENGTH = 13;

	private PngHeaders() {
	}

	static byte[] withDimensions(byte[] png, int width, int height) {
		byte[] copy = png.clone();
		ByteBuffer buffer = ByteBuffer.wrap(copy);
		buffer.putInt(IHDR_TYPE + 4, width);
		buffer.putInt(IHDR_TYPE + 8, height);
		CRC32 crc = new CRC32();
		crc.update(copy, IHDR_TYPE, 4 + IHDR_DATA_LENGTH);
		buffer.putInt(IHDR_TYPE + 4 + IHDR_DATA_LENGTH, (int) crc.getValue());
		return copy;
	}

}
