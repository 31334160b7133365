/**
 * The outbox of messages to customers: written in the same transaction as the fact that
 * causes them, delivered later by a channel's sender, at least once, with an idempotency
 * key per message.
 */
@NullMarked
package dev.punchcard.core.notification.application;

import org.jspecify.annotations.NullMarked;
