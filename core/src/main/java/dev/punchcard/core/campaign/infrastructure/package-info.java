/**
 * The R2DBC adapters of message templates, member fields and campaign vouchers, and their
 * wiring. Each change and its audit row are written in one statement.
 */
@NullMarked
package dev.punchcard.core.campaign.infrastructure;

import org.jspecify.annotations.NullMarked;
