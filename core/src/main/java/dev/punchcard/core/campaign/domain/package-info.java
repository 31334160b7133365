/**
 * What a marketer sends: message templates (WhatsApp's, as synced from Meta, and
 * Telegram's, written in Punchcard), the placeholders they hold, and how each placeholder
 * is bound to a member field or a constant. Plain Java: no Spring, Reactor or storage.
 */
@NullMarked
package dev.punchcard.core.campaign.domain;

import org.jspecify.annotations.NullMarked;
