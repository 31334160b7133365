/** Marketing consent in PostgreSQL. */
@NullMarked
package dev.punchcard.core.consent.infrastructure;

import org.jspecify.annotations.NullMarked;
