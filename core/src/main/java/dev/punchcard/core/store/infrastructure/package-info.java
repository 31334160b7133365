/**
 * R2DBC adapter of the stores.
 */
@NullMarked
package dev.punchcard.core.store.infrastructure;

import org.jspecify.annotations.NullMarked;
