/**
 * Customers of the program: identity, phone in E.164, language, home store, referral
 * code, status, card number and tier.
 */
@NullMarked
package dev.punchcard.core.customer.domain;

import org.jspecify.annotations.NullMarked;
