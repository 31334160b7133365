package dev.punchcard.core.leaderboard.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a member needs to climb: amounts are in minor units and are the least net spend
 * that moves them up (one minor unit more than the member to pass, since an equal total
 * reached later ranks lower).
 */
public sealed interface Climb {

	/** First place: nobody to pass. */
	record Leading() implements Climb {
	}

	/** In the winning places: spend {@code minor} more to pass the member above. */
	record PassAbove(long minor, Standing above) implements Climb {
	}

	/** Below the winning places: spend {@code minor} more to enter them. */
	record EnterTop(long minor) implements Climb {
	}

	/**
	 * No net spend this week yet: spend {@code minor} to enter the winning places (1
	 * while places are free).
	 */
	record Start(long minor) implements Climb {
	}

	/**
	 * What the member needs, given the winning places' standings (best first, at most
	 * {@code places}), the member's own standing and the standing right above theirs.
	 */
	static Climb of(List<Standing> top, int places, @Nullable Standing mine, @Nullable Standing above) {
		if (mine == null) {
			return new Start(top.size() < places ? 1 : top.get(places - 1).netMinor() + 1);
		}
		if (mine.place() == 1 || above == null) {
			return new Leading();
		}
		if (mine.place() <= places) {
			return new PassAbove(above.netMinor() - mine.netMinor() + 1, above);
		}
		return new EnterTop(top.get(places - 1).netMinor() - mine.netMinor() + 1);
	}

}
