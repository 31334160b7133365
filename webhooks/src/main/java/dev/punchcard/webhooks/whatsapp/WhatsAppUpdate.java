package dev.punchcard.webhooks.whatsapp;

import java.time.Instant;

import dev.punchcard.bot.conversation.ChatEvent;
import org.jspecify.annotations.Nullable;

/** A stored webhook item, read: what the edge does with it. */
sealed interface WhatsAppUpdate {

	/**
	 * A message for the conversation engine.
	 *
	 * @param event the message as a channel-neutral event
	 * @param identity who sent it, with every id WhatsApp gave
	 * @param sentAt when the user sent it (its {@code timestamp}), which opens the
	 * customer service window; null when it had none
	 * @param reply the button it replies to a message with, if it is a button reply
	 */
	record Event(ChatEvent event, WhatsAppIdentity identity, @Nullable Instant sentAt,
			@Nullable ButtonReply reply) implements WhatsAppUpdate {
	}

	/**
	 * A tap on a button of a message we sent (a template's quick reply, a reply button).
	 *
	 * @param messageId the message the button was on ({@code context.id})
	 * @param button its payload, or its title when it has none
	 */
	record ButtonReply(String messageId, String button) {
	}

	/**
	 * A delivery status of a message we sent.
	 *
	 * @param wamid the message's id
	 * @param status {@code sent}, {@code delivered}, {@code read} or {@code failed}
	 * @param errorCode the error code of a failed message, else 0
	 * @param ourId the id we gave the message ({@code biz_opaque_callback_data}), if any
	 * @param recipientId who it was sent to ({@code recipient_id}), if given
	 * @param errorTitle the error's {@code title} of a failed message, else empty
	 * @param at when it happened ({@code timestamp}), if given
	 */
	record Status(String wamid, String status, int errorCode, String ourId, String recipientId, String errorTitle,
			@Nullable Instant at) implements WhatsAppUpdate {
	}

	/**
	 * A change of a user's marketing preference in WhatsApp's own settings.
	 *
	 * @param userId the user
	 * @param category e.g. {@code marketing_messages}
	 * @param value {@code stop} or {@code resume}
	 * @param at when the user changed it, if given
	 */
	record Preference(String userId, String category, String value, @Nullable Instant at) implements WhatsAppUpdate {
	}

	/**
	 * WhatsApp changed the business portfolio's messaging limit
	 * ({@code phone_number_quality_update}).
	 *
	 * @param level the limit now
	 * @param at when WhatsApp changed it (the entry's {@code time})
	 */
	record LimitChange(WhatsAppProperties.MessagingLevel level, Instant at) implements WhatsAppUpdate {
	}

	/**
	 * Nothing to do (e.g. a reaction).
	 *
	 * @param why for the debug log
	 */
	record Ignored(String why) implements WhatsAppUpdate {
	}

}
