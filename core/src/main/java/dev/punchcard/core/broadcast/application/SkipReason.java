package dev.punchcard.core.broadcast.application;

/** Why a recipient is not sent the broadcast. */
public enum SkipReason {

	OPTED_OUT, UNREACHABLE, NO_CHANNEL

}
