/**
 * Registering, authenticating and deactivating staff; creating the first administrator.
 */
@NullMarked
package dev.punchcard.core.staff.application;

import org.jspecify.annotations.NullMarked;
