/**
 * Writing items in groups (group commit), for the adapters and edges that store under
 * load.
 */
@NullMarked
package dev.punchcard.core.shared.batching;

import org.jspecify.annotations.NullMarked;
