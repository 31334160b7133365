/**
 * Texts and formatting of bot replies: message bundles per language (English and
 * Russian), HTML escaping of every user-provided value, amounts and dates.
 */
@NullMarked
package dev.punchcard.bot.reply;

import org.jspecify.annotations.NullMarked;
