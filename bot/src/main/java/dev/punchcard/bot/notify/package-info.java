/**
 * Delivers the core's notification outbox to customers' chats: at least once, one claim
 * per notification across instances, retried with backoff, never to a chat that blocked
 * the bot.
 */
@NullMarked
package dev.punchcard.bot.notify;

import org.jspecify.annotations.NullMarked;
