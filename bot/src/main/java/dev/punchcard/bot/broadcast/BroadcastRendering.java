package dev.punchcard.bot.broadcast;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.bot.template.TemplateRenderer;
import dev.punchcard.bot.template.TemplateValues;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.campaign.application.CampaignVoucherOutcome;
import dev.punchcard.core.campaign.application.IssueCampaignVoucher;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.application.TemplateBindings;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Makes one recipient's message as {@code PreviewTemplate} does, but for real: the
 * template checked (gone, not sendable, or a use that does not fit pauses the broadcast),
 * the campaign voucher issued (once per campaign key and member however often this runs;
 * out of stock or an unknown reward fails the recipient), the values filled and the
 * channel's renderer run, for the recipient's language and chat.
 */
final class BroadcastRendering {

	/** A message ready to go, or the recipient's result without sending. */
	sealed interface Prepared {

		record Ready(RenderedTemplate rendered) implements Prepared {
		}

		record Settled(SendResult result) implements Prepared {
		}

	}

	private final IssueCampaignVoucher vouchers;

	private final TemplateValues values;

	private final Map<ChatChannel, TemplateRenderer> renderers;

	private final CodeSigner codes;

	BroadcastRendering(IssueCampaignVoucher vouchers, TemplateValues values, List<TemplateRenderer> renderers,
			CodeSigner codes) {
		this.vouchers = vouchers;
		this.values = values;
		this.renderers = renderers.stream()
			.collect(Collectors.toUnmodifiableMap(TemplateRenderer::channel, Function.identity()));
		this.codes = codes;
	}

	/** Emits the message or the result; errors only for infrastructure failures. */
	Mono<Prepared> prepare(ClaimedRecipient recipient, BroadcastBatch batch) {
		MessageTemplate template = batch.templateFor(recipient).orElse(null);
		if (template == null || unusable(recipient, template) != null) {
			return Mono.just(settled(unusableOrMissing(recipient, template)));
		}
		MemberFieldValues member = batch.memberOf(recipient).orElse(null);
		if (member == null) {
			return Mono.just(settled(new SendResult.Failed("UNKNOWN_MEMBER", "the member no longer exists")));
		}
		MemberFieldValues addressed = addressed(member, recipient);
		return voucher(recipient, template).map((voucher) -> switch (voucher) {
			case Voucher.Code code -> render(template, recipient, addressed, code.value());
			case Voucher.Refused refused -> settled(refused.result());
		});
	}

	/** Why the template cannot be sent to anyone, or null when it can. */
	private SendResult unusableOrMissing(ClaimedRecipient recipient, @Nullable MessageTemplate template) {
		SendResult unusable = unusable(recipient, template);
		return (unusable != null) ? unusable : new SendResult.PauseBroadcast("TEMPLATE_MISSING", "no template");
	}

	private @Nullable SendResult unusable(ClaimedRecipient recipient, @Nullable MessageTemplate template) {
		if (template == null) {
			return new SendResult.PauseBroadcast("TEMPLATE_MISSING",
					"the template " + recipient.templateId() + " no longer exists");
		}
		if (template.channel() != recipient.channel() || !this.renderers.containsKey(template.channel())) {
			return new SendResult.PauseBroadcast("TEMPLATE_CHANNEL",
					"the template " + template.name() + " is not one of " + recipient.channel());
		}
		if (template instanceof WhatsAppTemplate whatsApp && whatsApp.whyNotSendable().isPresent()) {
			return new SendResult.PauseBroadcast("TEMPLATE_NOT_SENDABLE", whatsApp.whyNotSendable().get());
		}
		List<FieldError> errors = TemplateBindings.check(template, recipient.use());
		if (!errors.isEmpty()) {
			return new SendResult.PauseBroadcast("TEMPLATE_USE_INVALID", "the template " + template.name()
					+ " does not fit the broadcast's bindings: " + errors.stream().sorted().toList());
		}
		return null;
	}

	/** The campaign voucher's code, or why there is none. */
	private sealed interface Voucher {

		record Code(String value) implements Voucher {
		}

		record Refused(SendResult result) implements Voucher {
		}

	}

	/**
	 * The campaign voucher's code, issued now or the one issued on an earlier attempt; an
	 * empty code when the message shows none.
	 */
	private Mono<Voucher> voucher(ClaimedRecipient recipient, MessageTemplate template) {
		boolean image = template instanceof TelegramTemplate telegram
				&& telegram.image() == TemplateImage.CAMPAIGN_VOUCHER;
		if (!recipient.use().issuesVoucher() && !image) {
			return Mono.just(new Voucher.Code(""));
		}
		if (recipient.use().voucherReward() == null) {
			return Mono
				.just(refused("VOUCHER_UNKNOWN_REWARD", "the broadcast issues a campaign voucher but names no reward"));
		}
		return this.vouchers.issue(recipient.campaignKey(), recipient.customerId(), recipient.use().voucherReward())
			.map(BroadcastRendering::voucherOf)
			.defaultIfEmpty(refused("VOUCHER_NOT_ISSUED", "issuing the campaign voucher answered nothing"));
	}

	private static Voucher voucherOf(CampaignVoucherOutcome outcome) {
		return switch (outcome) {
			case CampaignVoucherOutcome.Issued issued -> new Voucher.Code(issued.voucherCode());
			case CampaignVoucherOutcome.AlreadyIssued known -> new Voucher.Code(known.voucherCode());
			case CampaignVoucherOutcome.OutOfStock out ->
				refused("VOUCHER_OUT_OF_STOCK", "the campaign voucher's reward is out of stock");
			case CampaignVoucherOutcome.UnknownReward unknown ->
				refused("VOUCHER_UNKNOWN_REWARD", "the campaign voucher's reward does not exist or is not active");
			case CampaignVoucherOutcome.UnknownCustomer unknown ->
				refused("UNKNOWN_MEMBER", "the member does not exist or is blocked");
		};
	}

	private static Voucher refused(String code, String reason) {
		return new Voucher.Refused(new SendResult.Failed(code, reason));
	}

	private Prepared render(MessageTemplate template, ClaimedRecipient recipient, MemberFieldValues member,
			String voucherCode) {
		TemplateFill fill = new TemplateFill(this.values.of(template, recipient.use(), member, voucherCode),
				this.codes.sign(CodePurpose.CARD, member.cardNumber()), voucherCode);
		return new Prepared.Ready(this.renderers.get(template.channel()).render(template, member, fill));
	}

	/**
	 * The member as the recipient was claimed: in its language, at its chat on the
	 * channel (the audience was chosen with them).
	 */
	private static MemberFieldValues addressed(MemberFieldValues member, ClaimedRecipient recipient) {
		boolean whatsApp = recipient.channel() == ChatChannel.WHATSAPP;
		boolean telegram = recipient.channel() == ChatChannel.TELEGRAM;
		return new MemberFieldValues(member.id(), member.name(), recipient.language(), member.tier(), member.balance(),
				member.nextTier(), member.spendToNextTierMinor(), member.homeStore(), member.referralCode(),
				member.cardNumber(), whatsApp ? recipient.chatId() : member.whatsAppId(),
				telegram ? recipient.chatId() : member.telegramChatId());
	}

	private static Prepared settled(SendResult result) {
		return new Prepared.Settled(result);
	}

}
