package dev.punchcard.bot.template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.campaign.application.TemplateBindings;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Renders a template for one member exactly as a send would, through the channel's
 * {@link TemplateRenderer}: the use checked, the member's fields loaded, the values
 * filled. A campaign voucher shows {@link #SAMPLE_VOUCHER_CODE}; nothing is issued or
 * sent.
 */
@Component
public class PreviewTemplate {

	/** The code a preview shows for a campaign voucher; no voucher has it. */
	public static final String SAMPLE_VOUCHER_CODE = "SAMPLE-VOUCHER-CODE";

	private final TemplateCatalog templates;

	private final MemberFields members;

	private final RewardCatalog rewards;

	private final TemplateValues values;

	private final Map<ChatChannel, TemplateRenderer> renderers;

	private final CodeSigner codes;

	PreviewTemplate(TemplateCatalog templates, MemberFields members, RewardCatalog rewards, TemplateValues values,
			List<TemplateRenderer> renderers, CodeSigner codes) {
		this.templates = templates;
		this.members = members;
		this.rewards = rewards;
		this.values = values;
		this.renderers = renderers.stream()
			.collect(Collectors.toUnmodifiableMap(TemplateRenderer::channel, Function.identity()));
		this.codes = codes;
	}

	/** Emits the preview or why there is none; never errors for business reasons. */
	public Mono<PreviewOutcome> preview(TemplateId id, CustomerId customerId, TemplateUse use) {
		return this.templates.show(id)
			.flatMap((template) -> checked(template, use)
				.switchIfEmpty(Mono.defer(() -> forMember(template, customerId, use))))
			.switchIfEmpty(Mono.fromSupplier(PreviewOutcome.UnknownTemplate::new));
	}

	/** Emits what is wrong with the use, or completes empty when nothing is. */
	private Mono<PreviewOutcome> checked(MessageTemplate template, TemplateUse use) {
		List<FieldError> errors = TemplateBindings.check(template, use);
		if (!errors.isEmpty()) {
			return Mono.just(new PreviewOutcome.Invalid(errors));
		}
		if (use.voucherReward() == null) {
			return Mono.empty();
		}
		return this.rewards.find(use.voucherReward())
			.filter(Reward::active)
			.hasElement()
			.flatMap((active) -> active ? Mono.empty() : Mono.just(new PreviewOutcome.Invalid(
					List.of(new FieldError("voucherRewardId", "no active reward has this id")))));
	}

	private Mono<PreviewOutcome> forMember(MessageTemplate template, CustomerId customerId, TemplateUse use) {
		return this.members.of(List.of(customerId))
			.next()
			.<PreviewOutcome>map(
					(member) -> new PreviewOutcome.Previewed(template, member, render(template, use, member)))
			.switchIfEmpty(Mono.fromSupplier(PreviewOutcome.UnknownCustomer::new));
	}

	private RenderedTemplate render(MessageTemplate template, TemplateUse use, MemberFieldValues member) {
		TemplateRenderer renderer = this.renderers.get(template.channel());
		if (renderer == null) {
			throw new IllegalStateException("no renderer of " + template.channel() + " templates");
		}
		TemplateFill fill = new TemplateFill(this.values.of(template, use, member, SAMPLE_VOUCHER_CODE),
				this.codes.sign(CodePurpose.CARD, member.cardNumber()), SAMPLE_VOUCHER_CODE);
		return renderer.render(template, member, fill);
	}

}
