/**
 * Enrolling customers, reading profiles, validating scanned member cards and re-issuing
 * cards.
 */
@NullMarked
package dev.punchcard.core.customer.application;

import org.jspecify.annotations.NullMarked;
