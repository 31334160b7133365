/**
 * Embedded defaults: with no connection settings the application starts its own
 * PostgreSQL (zonky's binaries) and Redis (the binary shipped in codemonstur's
 * embedded-redis), keeps their data under {@code punchcard.embedded.data-dir}, and stops
 * them after the application context has closed. Nothing here runs when
 * {@code spring.r2dbc.url} or the Redis connection settings are given; nothing outside
 * this package depends on it.
 */
@NullMarked
package dev.punchcard.app.embedded;

import org.jspecify.annotations.NullMarked;
