/**
 * Secrets for the zero-setup run: when no connection settings and no secrets are
 * configured, strong random secrets are generated once and kept next to the embedded
 * data, so printed member cards and issued tokens stay valid across restarts. With real
 * servers configured, secrets must come from configuration.
 */
@NullMarked
package dev.punchcard.app.secrets;

import org.jspecify.annotations.NullMarked;
