/**
 * R2DBC adapters of rewards and vouchers.
 */
@NullMarked
package dev.punchcard.core.reward.infrastructure;

import org.jspecify.annotations.NullMarked;
