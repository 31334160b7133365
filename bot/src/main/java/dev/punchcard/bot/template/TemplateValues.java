package dev.punchcard.bot.template;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.springframework.stereotype.Component;

/**
 * The value of each parameter of a template for one member, as they will read it: the
 * first word of their name, their balance, tier, the spend still needed for the next tier
 * (as an amount; empty at the top), their home store's name, their referral link for the
 * template's channel, the campaign voucher's code, or a constant. Values are plain text;
 * each renderer escapes them for its channel.
 */
@Component
public class TemplateValues {

	private final BotLinks links;

	private final String currency;

	TemplateValues(BotLinks links, LoyaltyProgram program) {
		this.links = links;
		this.currency = program.currency().getCurrencyCode();
	}

	/**
	 * Each of the template's parameter keys with its value; the use must bind every one
	 * (see {@code TemplateBindings}).
	 */
	public Map<String, String> of(MessageTemplate template, TemplateUse use, MemberFieldValues member,
			String voucherCode) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String key : template.parameterKeys()) {
			Binding binding = use.bindings().get(key);
			if (binding == null) {
				throw new IllegalArgumentException("the parameter " + key + " is not bound");
			}
			values.put(key, value(binding, template, member, voucherCode));
		}
		return values;
	}

	private String value(Binding binding, MessageTemplate template, MemberFieldValues member, String voucherCode) {
		return switch (binding) {
			case Binding.ToConstant constant -> constant.value();
			case Binding.ToField field -> field(field.field(), template, member, voucherCode);
		};
	}

	private String field(MemberField field, MessageTemplate template, MemberFieldValues member, String voucherCode) {
		return switch (field) {
			case FIRST_NAME -> member.firstName();
			case BALANCE -> Long.toString(member.balance());
			case TIER -> member.tier();
			case POINTS_TO_NEXT_TIER ->
				(member.nextTier() == null) ? "" : Amounts.format(member.spendToNextTierMinor(), this.currency);
			case HOME_STORE -> (member.homeStore() == null) ? "" : member.homeStore();
			case REFERRAL_LINK -> this.links.referral(template.channel(), member.referralCode());
			case CAMPAIGN_VOUCHER -> voucherCode;
		};
	}

}
