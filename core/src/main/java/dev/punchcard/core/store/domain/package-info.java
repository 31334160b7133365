/**
 * Stores of the brand: a short code (printed on posters and tills) and a name.
 */
@NullMarked
package dev.punchcard.core.store.domain;

import org.jspecify.annotations.NullMarked;
