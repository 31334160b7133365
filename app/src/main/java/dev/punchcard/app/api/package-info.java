/**
 * The staff HTTP API under {@code /api/v1}: translates JSON to core commands and core
 * outcomes to HTTP statuses and RFC 7807 problems. No business rules live here.
 */
@NullMarked
package dev.punchcard.app.api;

import org.jspecify.annotations.NullMarked;
