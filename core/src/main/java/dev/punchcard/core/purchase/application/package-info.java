/**
 * Recording purchases and refunds once per receipt or refund number, crediting and
 * reversing points, and reviewing the customer's tier.
 */
@NullMarked
package dev.punchcard.core.purchase.application;

import org.jspecify.annotations.NullMarked;
