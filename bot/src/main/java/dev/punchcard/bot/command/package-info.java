/**
 * One handler per command, button family and flow: each translates the chat input, calls
 * one core use case and renders its outcome. No business rules here.
 */
@NullMarked
package dev.punchcard.bot.command;

import org.jspecify.annotations.NullMarked;
