package dev.punchcard.core.segment.domain;

/**
 * Named RFM classes. Members who bought in the last 365 days get recency (R), frequency
 * (F) and monetary (M) quintiles 1 to 5 among themselves (5: most recent, most purchases,
 * largest net spend); the class comes from R and F by the usual map, M is kept alongside
 * for finer filters:
 *
 * <pre>
 *            F=1              F=2                 F=3                 F=4, 5
 *   R=5      NEW              POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  CHAMPIONS
 *   R=4      PROMISING        POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  LOYAL
 *   R=3      ABOUT_TO_SLEEP   ABOUT_TO_SLEEP      NEED_ATTENTION      LOYAL
 *   R=1, 2   HIBERNATING      HIBERNATING         AT_RISK             AT_RISK (F=4), CANNOT_LOSE (F=5)
 * </pre>
 *
 * Exactly: R 5, F 4–5 champions; R 3–4, F 4–5 loyal; R 4–5, F 2–3 potential loyalist; R
 * 5, F 1 new; R 4, F 1 promising; R 3, F 3 need attention; R 3, F 1–2 about to sleep; R
 * 1–2, F 3–4 at risk; R 1–2, F 5 cannot lose; R 1–2, F 1–2 hibernating. Members whose
 * last purchase is older than 365 days are {@link #LOST}; members who never bought have
 * no class.
 */
public enum RfmClass {

	CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW, PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK, CANNOT_LOSE,
	HIBERNATING, LOST;

	/** The class of recency and frequency quintiles, each 1 to 5. */
	public static RfmClass of(int recency, int frequency) {
		if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5) {
			throw new IllegalArgumentException("quintiles are 1 to 5: R=" + recency + " F=" + frequency);
		}
		if (recency <= 2) {
			return (frequency <= 2) ? HIBERNATING : (frequency <= 4) ? AT_RISK : CANNOT_LOSE;
		}
		if (frequency >= 4) {
			return (recency == 5) ? CHAMPIONS : LOYAL;
		}
		if (recency == 3) {
			return (frequency == 3) ? NEED_ATTENTION : ABOUT_TO_SLEEP;
		}
		if (frequency == 1) {
			return (recency == 5) ? NEW : PROMISING;
		}
		return POTENTIAL_LOYALIST;
	}

}
