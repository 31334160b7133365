package dev.punchcard.bot.intake;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * HTTP bodies read whole into memory, up to a size limit: webhook bodies (which must be
 * stored, and for WhatsApp signed, exactly as received) and downloads, for every edge.
 */
public final class BoundedBodies {

	private BoundedBodies() {
	}

	/**
	 * Emits the body's bytes; errors with {@link DataBufferLimitException} when it is
	 * over {@code maxBytes}. Every buffer is released.
	 */
	public static Mono<byte[]> read(Publisher<? extends DataBuffer> body, int maxBytes) {
		return DataBufferUtils.join(body, maxBytes).map(BoundedBodies::bytes);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
