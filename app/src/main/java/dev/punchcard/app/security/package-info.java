/**
 * The one security filter chain: stateless JWT bearer tokens for staff, an explicit role
 * on every endpoint, problem+json for 401 and 403, and login throttling in Redis. Webhook
 * paths are left to their own signature checks.
 */
@NullMarked
package dev.punchcard.app.security;

import org.jspecify.annotations.NullMarked;
