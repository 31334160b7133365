/**
 * Opening and listing stores.
 */
@NullMarked
package dev.punchcard.core.store.application;

import org.jspecify.annotations.NullMarked;
