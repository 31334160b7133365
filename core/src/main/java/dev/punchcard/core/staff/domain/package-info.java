/**
 * Staff accounts and their roles: ADMIN, MARKETER and CASHIER (a cashier belongs to a
 * home store).
 */
@NullMarked
package dev.punchcard.core.staff.domain;

import org.jspecify.annotations.NullMarked;
