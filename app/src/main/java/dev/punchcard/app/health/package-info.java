/**
 * What the service reports about its own health beyond Spring Boot's defaults: Redis is
 * reported as {@code DEGRADED} rather than {@code DOWN}, because purchases, refunds and
 * redemptions keep working without it. Liveness, readiness and the overall health are
 * grouped in {@code management.endpoint.health} in {@code config/application.yml}.
 */
@NullMarked
package dev.punchcard.app.health;

import org.jspecify.annotations.NullMarked;
