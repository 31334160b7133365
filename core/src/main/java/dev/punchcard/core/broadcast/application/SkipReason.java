package dev.punchcard.core.broadcast.application;

public enum SkipReason {

	OPTED_OUT, UNREACHABLE, NO_CHANNEL

}
