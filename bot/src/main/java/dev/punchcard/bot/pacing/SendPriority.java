package dev.punchcard.bot.pacing;

/** Who goes first when sends of both kinds wait for one budget. */
public enum SendPriority {

	/**
	 * Replies and notifications: a member is waiting, or was just told something
	 * happened. They may use the limits' whole burst.
	 */
	REPLY,

	/**
	 * Broadcasts: sent at the limits' sustained rate from what replies leave over, never
	 * queued far ahead of them.
	 */
	BULK

}
