/**
 * Plumbing several adapters share, e.g. writing items in groups.
 */
@NullMarked
package dev.punchcard.core.shared.infrastructure;

import org.jspecify.annotations.NullMarked;
