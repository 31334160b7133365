package dev.punchcard.core.campaign.application;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.PlainText;

/**
 * Whether a use binds a template completely and only: every parameter bound to a member
 * field or a constant, no binding of a parameter the template lacks, constants of 1 to
 * {@value #CONSTANT_LIMIT} characters on one line (WhatsApp refuses line breaks in a
 * parameter), and a voucher reward exactly when a parameter or the image shows the
 * campaign voucher.
 */
public final class TemplateBindings {

	static final int CONSTANT_LIMIT = 1024;

	private TemplateBindings() {
	}

	/**
	 * Every wrong field of the use, as {@code bindings.<key>} or {@code voucherRewardId}.
	 */
	public static List<FieldError> check(MessageTemplate template, TemplateUse use) {
		List<String> parameters = template.parameterKeys();
		List<FieldError> errors = new ArrayList<>();
		for (String parameter : parameters) {
			if (!use.bindings().containsKey(parameter)) {
				errors.add(new FieldError("bindings." + parameter, "must be bound to a member field or a constant"));
			}
		}
		use.bindings().forEach((key, binding) -> checkOne(key, binding, parameters, errors));
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
