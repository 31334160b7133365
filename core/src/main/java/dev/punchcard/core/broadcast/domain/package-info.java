/**
 * Broadcasts' values: their ids, states and the rules of moving between them, channel
 * policies, quiet hours, and the states of each recipient's message with their ranks.
 */
@NullMarked
package dev.punchcard.core.broadcast.domain;

import org.jspecify.annotations.NullMarked;
