package dev.punchcard.core.campaign.domain;

import java.util.Map;

import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;

/**
 * How a template is used for one send or broadcast: what fills each of its parameters.
 *
 * @param bindings the binding of each parameter key (see
 * {@link MessageTemplate#parameterKeys()})
 * @param voucherReward the reward of the campaign voucher, needed when a parameter shows
 * it or the template's image is its QR code; else null
 */
public record TemplateUse(Map<String, Binding> bindings, @Nullable RewardId voucherReward) {

	public TemplateUse {
		bindings = Map.copyOf(bindings);
	}

	/** Whether a send of this use issues a campaign voucher to each recipient. */
	public boolean issuesVoucher() {
		return this.bindings.values()
			.stream()
			.anyMatch((binding) -> binding instanceof Binding.ToField field
					&& field.field() == MemberField.CAMPAIGN_VOUCHER);
	}

}
