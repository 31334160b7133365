/**
 * The channel-neutral conversation engine: a
 * {@link dev.punchcard.bot.conversation.ChatEvent} from any chat platform goes to one
 * handler, which answers with channel-neutral
 * {@link dev.punchcard.bot.conversation.OutgoingMessage}s. Multi-step flows keep their
 * state in Redis with a TTL. Knows no platform types: each edge translates at its first
 * line of code.
 */
@NullMarked
package dev.punchcard.bot.conversation;

import org.jspecify.annotations.NullMarked;
