/**
 * Adapters of the imports: the imports tables over R2DBC, the uploaded files on disk read
 * with FastCSV, the set-based statements of a members chunk, the background runner and
 * the watch that marks stale imports interrupted, and the feature's settings.
 */
@NullMarked
package dev.punchcard.core.imports.infrastructure;

import org.jspecify.annotations.NullMarked;
