package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private final WebhookSignature signature = new WebhookSignature("app-secret-for-tests");

	/** As Meta sends it: non-ASCII text escaped ({@code Jörg 😀}). */
	private final byte[] body = """
			{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"contacts":[{"profile":{"name":"J\\u00f6rg \\ud83d\\ude00"}}]}}]}]}"""
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void should_accept_the_signature_when_it_is_the_hmac_of_the_raw_bytes() {
		// computed independently: python3 hmac.new(secret, body, sha256).hexdigest()
		String header = "sha256=735083eeb7fc9129161919dab6e702db0de9cf787950771203f89ce1f95418aa";

		assertThat(this.signature.matches(this.body, header)).isTrue();
		assertThat(this.signature.matches(this.body, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
		assertThat(this.signature.header(this.body)).isEqualTo(header);
	}

	@Test
	void should_refuse_the_signature_when_the_json_was_decoded_and_written_again() {
		byte[] decoded = new String(this.body, StandardCharsets.UTF_8).replace("\\u00f6", "ö")
			.replace("\\ud83d\\ude00", "😀")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.signature.matches(decoded, this.signature.header(this.body))).isFalse();
	}

	@Test
	void should_refuse_the_signature_when_it_is_missing_malformed_or_for_another_secret() {
		assertThat(this.signature.matches(this.body, null)).isFalse();
		assertThat(this.signature.matches(this.body, "")).isFalse();
		assertThat(this.signature.matches(this.body, "sha256=not-hex")).isFalse();
		assertThat(this.signature.matches(this.body, "sha1=" + this.signature.header(this.body).substring(7)))
			.isFalse();
		assertThat(this.signature.matches(this.body, new WebhookSignature("another-secret").header(this.body)))
			.isFalse();
		assertThat(this.signature.matches(this.body, "sha256=" + "0".repeat(64))).isFalse();
	}

}
