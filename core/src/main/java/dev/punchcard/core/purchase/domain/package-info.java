/**
 * Purchases and refunds as recorded at a till: receipt, amount in minor units, line
 * items, points earned and reversed.
 */
@NullMarked
package dev.punchcard.core.purchase.domain;

import org.jspecify.annotations.NullMarked;
