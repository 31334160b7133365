/**
 * Marketing consent per chat account: opting out of promotions on a channel, and back in.
 */
@NullMarked
package dev.punchcard.core.consent.application;

import org.jspecify.annotations.NullMarked;
