/**
 * The WhatsApp Cloud API edge: the webhook (verification handshake, signature of the raw
 * body, every message and status of a batch stored durably before the 200), the mapping
 * of WhatsApp messages to {@link dev.punchcard.bot.conversation.ChatEvent}s, and the
 * Graph API client that renders and sends the engine's replies within WhatsApp's limits.
 * The only package where WhatsApp payload shapes appear; nothing here decides what to
 * answer.
 */
@NullMarked
package dev.punchcard.webhooks.whatsapp;

import org.jspecify.annotations.NullMarked;
