package dev.punchcard.core.campaign.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.PlainText;

/**
 * Whether a use binds a template completely and only: every parameter bound to a member
 * field or a constant, no binding of a parameter the template lacks, constants of 1 to
 * {@value #CONSTANT_LIMIT} characters on one line (WhatsApp refuses line breaks in a
 * parameter), and a voucher reward exactly when a parameter or the image shows the
 * campaign voucher. A WhatsApp template's media header is bound to a constant
 * {@code https} link.
 */
public final class TemplateBindings {

	static final int CONSTANT_LIMIT = 1024;

	static final int LINK_LIMIT = 2000;

	private TemplateBindings() {
	}

	/**
	 * Every wrong field of the use, as {@code bindings.<key>} or {@code voucherRewardId}.
	 */
	public static List<FieldError> check(MessageTemplate template, TemplateUse use) {
		List<String> parameters = template.parameterKeys();
		List<String> media = (template instanceof WhatsAppTemplate whatsApp) ? whatsApp.mediaKeys() : List.of();
		List<FieldError> errors = new ArrayList<>();
		for (String parameter : parameters) {
			if (!use.bindings().containsKey(parameter)) {
				errors.add(new FieldError("bindings." + parameter, media.contains(parameter)
						? "must be bound to a constant https link" : "must be bound to a member field or a constant"));
			}
		}
		use.bindings().forEach((key, binding) -> {
			if (media.contains(key)) {
				checkLink(key, binding, errors);
			}
			else {
				checkOne(key, binding, parameters, errors);
			}
		});
		voucher(template, use, errors);
		return errors.stream().sorted().toList();
	}

	private static void checkOne(String key, Binding binding, List<String> parameters, List<FieldError> errors) {
		String field = "bindings." + ((key.length() > 80) ? key.substring(0, 80) + "…" : key);
		if (!parameters.contains(key)) {
			errors.add(new FieldError(field, "is not a parameter of the template; its parameters are "
					+ (parameters.isEmpty() ? "none" : String.join(", ", parameters))));
		}
		else if (binding instanceof Binding.ToConstant constant) {
			String value = constant.value();
			if (value.isBlank() || value.length() > CONSTANT_LIMIT || !PlainText.isSingleLine(value)) {
				errors.add(new FieldError(field, "a constant must be 1 to " + CONSTANT_LIMIT
						+ " characters on one line, without control characters"));
			}
		}
	}

	/**
	 * A media header's link: a constant absolute {@code https} URL with a host, of at
	 * most {@value #LINK_LIMIT} characters and no spaces (WhatsApp fetches it when it
	 * sends).
	 */
	private static void checkLink(String key, Binding binding, List<FieldError> errors) {
		if (!(binding instanceof Binding.ToConstant constant) || !isHttpsLink(constant.value())) {
			errors.add(new FieldError("bindings." + key, "a media header must be bound to a constant https link"
					+ " (https://host/path, at most " + LINK_LIMIT + " characters, no spaces)"));
		}
	}

	static boolean isHttpsLink(String value) {
		if (value.isEmpty() || value.length() > LINK_LIMIT || !PlainText.isSingleLine(value)
				|| value.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			URI uri = new URI(value);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty()
					&& uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void voucher(MessageTemplate template, TemplateUse use, List<FieldError> errors) {
		boolean shown = use.issuesVoucher() || (template instanceof TelegramTemplate telegram
				&& telegram.image() == TemplateImage.CAMPAIGN_VOUCHER);
		if (shown && use.voucherReward() == null) {
			errors.add(new FieldError("voucherRewardId", "must name the reward of the campaign voucher"));
		}
		if (!shown && use.voucherReward() != null) {
			errors.add(new FieldError("voucherRewardId",
					"is given, but neither a parameter nor the image shows the campaign voucher"));
		}
	}

}
