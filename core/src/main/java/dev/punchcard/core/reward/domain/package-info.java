/**
 * The reward catalog and one-time vouchers issued when points are redeemed.
 */
@NullMarked
package dev.punchcard.core.reward.domain;

import org.jspecify.annotations.NullMarked;
