/**
 * Message templates as marketers use them: syncing WhatsApp's from Meta (on demand and on
 * a schedule, once across instances), writing Telegram's with validation and an audit row
 * per change, checking that a use binds every parameter, loading the member fields
 * parameters show, and issuing campaign vouchers once per campaign and member. Knows no
 * chat platform's message shapes: the edges render.
 */
@NullMarked
package dev.punchcard.core.campaign.application;

import org.jspecify.annotations.NullMarked;
