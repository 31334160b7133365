package dev.punchcard.app.fuzz;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One HTTP request the fuzzer sends.
 *
 * @param method the method
 * @param target path and query, already percent-encoded
 * @param caller whose bearer token goes with it (API only)
 * @param contentType the Content-Type header, or none
 * @param body the raw body bytes, or none
 * @param secret the webhook's authentication header value (Telegram's secret token,
 * WhatsApp's signature), or none
 * @param secretHeader the header {@code secret} goes in
 */
public record FuzzRequest(HttpMethod method, String target, Caller caller, @Nullable String contentType,
		byte @Nullable [] body, @Nullable String secret, String secretHeader) {

	/** A request without a webhook header. */
	public FuzzRequest(HttpMethod method, String target, Caller caller, @Nullable String contentType,
			byte @Nullable [] body) {
		this(method, target, caller, contentType, body, null, "");
	}

	/** Who sends an API request. */
	public enum Caller {

		ADMIN, MARKETER, CASHIER, OTHER_CASHIER, NOBODY, FORGED_TOKEN, GARBAGE_HEADER

	}

	/** For a failure message: everything needed to send it again by hand. */
	public String describe() {
		String text = (this.body == null) ? "<no body>" : new String(this.body, StandardCharsets.UTF_8);
		if (text.length() > 2000) {
			text = text.substring(0, 2000) + "... (" + this.body.length + " bytes)";
		}
		return this.method + " " + this.target + " as " + this.caller + ", Content-Type " + this.contentType
				+ (this.secret == null ? "" : ", " + this.secretHeader + " " + this.secret) + "\n" + escaped(text);
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.SURROGATE) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
