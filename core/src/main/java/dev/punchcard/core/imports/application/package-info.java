/**
 * CSV imports of members and purchases: starting one from an uploaded file, running it in
 * chunks in the background with its progress in the database, the rejected lines, and
 * marking imports whose instance died as interrupted. Purchases are recorded by the
 * purchase feature's own use cases; SQL and CSV parsing stay in the adapters.
 */
@NullMarked
package dev.punchcard.core.imports.application;

import org.jspecify.annotations.NullMarked;
