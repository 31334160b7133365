/**
 * R2DBC adapters of stored chat updates and chat identities.
 */
@NullMarked
package dev.punchcard.core.chat.infrastructure;

import org.jspecify.annotations.NullMarked;
