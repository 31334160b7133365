/**
 * Broadcasts as marketers run them (create, start now or on a schedule, pause, resume,
 * cancel, every change audited), the views of their progress and recipients, and the
 * ports senders on every instance use: {@link BroadcastWork} to claim and settle
 * recipients and {@link BroadcastTracking} for what the platforms report later.
 */
@NullMarked
package dev.punchcard.core.broadcast.application;

import org.jspecify.annotations.NullMarked;
