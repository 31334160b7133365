/**
 * Managing the catalog, redeeming rewards (atomic debit and stock), honouring and
 * cancelling vouchers.
 */
@NullMarked
package dev.punchcard.core.reward.application;

import org.jspecify.annotations.NullMarked;
