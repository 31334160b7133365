/**
 * R2DBC adapter of staff accounts and BCrypt password hashing off the event loop.
 */
@NullMarked
package dev.punchcard.core.staff.infrastructure;

import org.jspecify.annotations.NullMarked;
