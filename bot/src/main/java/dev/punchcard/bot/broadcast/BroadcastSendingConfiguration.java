package dev.punchcard.bot.broadcast;

import java.time.Clock;
import java.util.List;

import dev.punchcard.bot.template.TemplateRenderer;
import dev.punchcard.bot.template.TemplateValues;
import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.campaign.application.IssueCampaignVoucher;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.card.domain.CodeSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One broadcast sender per channel edge ({@link BroadcastChannel} beans) on this
 * instance, when the core provides {@link BroadcastWork}; without it (or without any
 * channel) nothing is sent and the application runs as usual. Off with
 * {@code punchcard.broadcasts.sending.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "punchcard.broadcasts.sending.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BroadcastSendingProperties.class)
class BroadcastSendingConfiguration {

	@Bean
	BroadcastRendering broadcastRendering(IssueCampaignVoucher vouchers, TemplateValues values,
			List<TemplateRenderer> renderers, CodeSigner codes) {
		return new BroadcastRendering(vouchers, values, renderers, codes);
	}

	@Bean
	BroadcastSenders broadcastSenders(ObjectProvider<BroadcastWork> work, ObjectProvider<BroadcastChannel> edges,
			TemplateCatalog templates, MemberFields members, BroadcastRendering rendering,
			BroadcastSendingProperties settings, Clock clock) {
		BroadcastWork queue = work.getIfAvailable();
		List<BroadcastChannel> channels = edges.orderedStream().toList();
		if (queue == null) {
			return new BroadcastSenders(List.of(), "not sent from this instance: the application has no BroadcastWork");
		}
		checkLease(channels, settings);
		BroadcastSender.Sources sources = new BroadcastSender.Sources(templates, members, rendering);
		BroadcastBackoff backoff = new BroadcastBackoff(settings, clock);
		List<BroadcastSender> senders = channels.stream()
			.map((channel) -> new BroadcastSender(queue, channel, sources, backoff, settings))
			.toList();
		return new BroadcastSenders(senders, "sent on " + channels.stream().map(BroadcastChannel::channel).toList());
	}

	/**
	 * Refuses a lease that is not longer than twice a channel's longest wait for a turn.
	 */
	static void checkLease(List<BroadcastChannel> channels, BroadcastSendingProperties settings) {
		for (BroadcastChannel channel : channels) {
			if (channel.longestTurnWait().multipliedBy(2).compareTo(settings.lease()) >= 0) {
				throw new IllegalStateException("punchcard.broadcasts.sending.lease (" + settings.lease()
						+ ") must be longer than twice the " + channel.channel() + " rate-limits.bulk-max-wait ("
						+ channel.longestTurnWait() + "): a send still waiting for its turn at half the lease is "
						+ "given up and counted as an attempt although nothing was sent");
			}
		}
	}

}
