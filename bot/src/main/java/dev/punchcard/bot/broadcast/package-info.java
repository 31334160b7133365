/**
 * Sends broadcasts, channel-neutral: on every instance, one sender per configured channel
 * claims recipients in batches from the core ({@code BroadcastWork}), issues each one's
 * campaign voucher, renders the template with the channel's renderer, hands it to the
 * channel's edge ({@link dev.punchcard.bot.broadcast.BroadcastChannel}) and settles the
 * result. What the platforms report later (statuses, button replies) reaches the core
 * through {@link dev.punchcard.bot.broadcast.BroadcastFeedback}.
 */
@NullMarked
package dev.punchcard.bot.broadcast;

import org.jspecify.annotations.NullMarked;
