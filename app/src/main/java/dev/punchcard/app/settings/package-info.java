/**
 * The public configuration names of ARCHITECTURE.md ({@code TELEGRAM_BOT_TOKEN},
 * {@code TELEGRAM_MODE}, ...) mapped onto the modules' own properties.
 */
@NullMarked
package dev.punchcard.app.settings;

import org.jspecify.annotations.NullMarked;
