/**
 * Configuration of the code-signing keys.
 */
@NullMarked
package dev.punchcard.core.card.infrastructure;

import org.jspecify.annotations.NullMarked;
