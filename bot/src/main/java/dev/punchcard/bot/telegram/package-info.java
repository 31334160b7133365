/**
 * The Telegram edge: webhook and long-polling intake that stores every update before it
 * is acknowledged, the mapping of Telegram updates to
 * {@link dev.punchcard.bot.conversation.ChatEvent}s, and a non-blocking Bot API client
 * that sends replies within Telegram's rate limits. The only package where TelegramBots
 * ({@code org.telegram}) types may appear; nothing here decides what to answer.
 */
@NullMarked
package dev.punchcard.bot.telegram;

import org.jspecify.annotations.NullMarked;
