package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * One recipient of a running broadcast, claimed by this instance until
 * {@code leaseUntil}: who, on which chat, with which template and bindings.
 *
 * @param recipientId the recipient row's id (unique across broadcasts)
 * @param broadcastId its broadcast
 * @param customerId the member
 * @param channel the channel chosen for this member when the audience was materialised
 * @param chatId the chat to send to on that channel (Telegram chat id, WhatsApp wa_id)
 * @param language the member's language (e.g. "en", "ru"), for picking the template's
 * language
 * @param templateId the broadcast's template for that channel
 * @param use what fills the template's parameters (bindings, campaign voucher reward)
 * @param campaignKey the key for IssueCampaignVoucher: one voucher per (broadcast,
 * member)
 * @param attempt 1 for the first try, 2 for the first retry, ...
 * @param leaseUntil the claim ends then; after it another instance may take the recipient
 */
public record ClaimedRecipient(long recipientId, BroadcastId broadcastId, CustomerId customerId, ChatChannel channel,
		String chatId, String language, TemplateId templateId, TemplateUse use, String campaignKey, int attempt,
		Instant leaseUntil) {
}
