/**
 * R2DBC adapter of the notification outbox; payloads are stored as JSON.
 */
@NullMarked
package dev.punchcard.core.notification.infrastructure;

import org.jspecify.annotations.NullMarked;
