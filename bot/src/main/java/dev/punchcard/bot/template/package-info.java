/**
 * Message templates as the channels send them: the values a use binds, filled for one
 * member ({@link dev.punchcard.bot.template.TemplateValues}), and each channel's
 * rendering of a template into the exact request its API gets
 * ({@link dev.punchcard.bot.template.TemplateRenderer}, implemented by each edge). The
 * preview runs the same path a broadcast will, with a sample voucher code.
 */
@NullMarked
package dev.punchcard.bot.template;

import org.jspecify.annotations.NullMarked;
