/**
 * R2DBC adapters of customers and the profile read model.
 */
@NullMarked
package dev.punchcard.core.customer.infrastructure;

import org.jspecify.annotations.NullMarked;
