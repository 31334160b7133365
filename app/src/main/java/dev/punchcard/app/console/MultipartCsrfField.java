package dev.punchcard.app.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lets the imports page's upload form work without JavaScript. A browser sends the CSRF
 * token as the form's first field, inside the multipart body, where Spring Security looks
 * only after reading the whole body, file included, into memory or onto disk (and before
 * knowing who sent it). For a console upload without the {@code X-CSRF-TOKEN} header this
 * filter reads the body only up to the end of its first part (at most
 * {@value #HEAD_LIMIT} bytes) and, when that part is the {@code _csrf} field, copies its
 * value into the header; the body goes on whole, the bytes looked at included, so the
 * file still streams to the import as it arrives. The CSRF check then runs as for htmx;
 * anything else is passed on untouched, and refused as before.
 */
@Component
// before Spring Security's filter chain proxy (order -100), which checks the header
@Order(-101)
class MultipartCsrfField implements WebFilter {

	static final String PATH = "/console/imports";

	static final String HEADER = "X-CSRF-TOKEN";

	static final String FIELD = "_csrf";

	/** A boundary, the part's headers and a token fit in far less. */
	static final int HEAD_LIMIT = 8192;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MediaType type = request.getHeaders().getContentType();
		String boundary = (type == null) ? null : type.getParameter("boundary");
		if (request.getMethod() != HttpMethod.POST || !PATH.equals(request.getPath().value()) || boundary == null
				|| !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type) || request.getHeaders().containsKey(HEADER)) {
			return chain.filter(exchange);
		}
		Head head = new Head(unquoted(boundary));
		return request.getBody()
			.bufferUntil(head::add)
			.switchOnFirst((first, buffers) -> chain
				.filter(exchange.mutate().request(withToken(request, head.token(), buffers)).build()))
			.doOnDiscard(Object.class, MultipartCsrfField::release)
			.then();
	}

	private static ServerHttpRequest withToken(ServerHttpRequest request, @Nullable String token,
			Flux<List<DataBuffer>> buffers) {
		ServerHttpRequest headed = (token == null) ? request : request.mutate().header(HEADER, token).build();
		Flux<DataBuffer> body = buffers.concatMapIterable(Function.identity());
		return new ServerHttpRequestDecorator(headed) {
			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}
		};
	}

	private static void release(Object discarded) {
		if (discarded instanceof DataBuffer buffer) {
			DataBufferUtils.release(buffer);
		}
		else if (discarded instanceof List<?> list) {
			list.forEach(MultipartCsrfField::release);
		}
	}

	private static String unquoted(String boundary) {
		return (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\""))
				? boundary.substring(1, boundary.length() - 1) : boundary;
	}

	/**
	 * The first bytes of the body, copied (the buffers themselves are left as they are)
	 * until the first part has ended or the limit is reached.
	 */
	static final class Head {

		/**
		 * What a token looks like (base64url, as Spring Security makes them), so a header
		 * can hold it.
		 */
		private static final String TOKEN = "[A-Za-z0-9_=+/-]{1,512}";

		private final String boundary;

		private final byte[] end;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private boolean complete;

		Head(String boundary) {
			this.boundary = boundary;
			this.end = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		}

		/**
		 * Looks at one more buffer; true once the head is complete (and for every buffer
		 * after).
		 */
		boolean add(DataBuffer buffer) {
			if (this.complete) {
				return true;
			}
			int take = Math.min(buffer.readableByteCount(), HEAD_LIMIT - this.bytes.size());
			for (int i = 0; i < take; i++) {
				this.bytes.write(buffer.getByte(buffer.readPosition() + i));
			}
			this.complete = this.bytes.size() >= HEAD_LIMIT || indexOf(this.bytes.toByteArray(), this.end) >= 0;
			return this.complete;
		}

		/** The value of the first part if it is the {@code _csrf} field, else null. */
		@Nullable String token() {
			String head = this.bytes.toString(StandardCharsets.ISO_8859_1);
			String opening = "--" + this.boundary + "\r\n";
			int headersEnd = head.indexOf("\r\n\r\n");
			if (!head.startsWith(opening) || headersEnd < 0) {
				return null;
			}
			String headers = head.substring(opening.length(), headersEnd).toLowerCase(Locale.ROOT);
			int valueEnd = head.indexOf("\r\n--" + this.boundary, headersEnd + 4);
			if (valueEnd < 0 || !isCsrfField(headers)) {
				return null;
			}
			String value = head.substring(headersEnd + 4, valueEnd);
			return value.matches(TOKEN) ? value : null;
		}

		private static boolean isCsrfField(String headers) {
			for (String header : headers.split("\r\n")) {
				if (header.matches("content-disposition:\\s*form-data;\\s*name=\"" + FIELD + "\"\\s*")) {
					return true;
				}
			}
			return false;
		}

		private static int indexOf(byte[] data, byte[] pattern) {
			outer: for (int i = 0; i + pattern.length <= data.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
