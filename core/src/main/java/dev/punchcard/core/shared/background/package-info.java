/**
 * Background work that repeats on every instance, with a lifecycle.
 */
@NullMarked
package dev.punchcard.core.shared.background;

import org.jspecify.annotations.NullMarked;
