package dev.punchcard.bot.template;

import java.util.Map;

/**
 * What fills a template for one member.
 *
 * @param values the value of each parameter key, as the member sees it (not escaped)
 * @param cardCode the member's card code, for a card image
 * @param voucherCode the campaign voucher's code (a sample in previews), for a voucher
 * image
 */
public record TemplateFill(Map<String, String> values, String cardCode, String voucherCode) {

	public TemplateFill {
		values = Map.copyOf(values);
	}

	@Override
	public String toString() {
		return "TemplateFill[" + this.values.keySet() + "]";
	}

}
