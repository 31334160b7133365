/**
 * Chat intake: raw platform updates stored before they are acknowledged, claimed once
 * with a lease, and marked done; and the chat addresses of customers.
 */
@NullMarked
package dev.punchcard.core.chat.application;

import org.jspecify.annotations.NullMarked;
