/**
 * Sending limits counted once for all instances of the service, in Redis: a platform
 * counts its limits per bot or per business number, not per instance, so N instances must
 * share one count. Each edge names its limits; nothing here knows a platform.
 */
@NullMarked
package dev.punchcard.bot.pacing;

import org.jspecify.annotations.NullMarked;
