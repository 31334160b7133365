package dev.punchcard.core.segment.domain;

/**
 * How likely a member is to have stopped buying, from how long they have been silent
 * against their own usual gap between purchases: the median of the gaps between their
 * consecutive purchases (at least one day). Silent up to 1.5 gaps is {@link #LOW}, up to
 * 3 gaps {@link #MEDIUM}, longer {@link #HIGH}. A member with a single purchase has no
 * gap of their own and is measured against the program's default gap
 * ({@code punchcard.segments.scores.default-gap}, 30 days). Members who never bought have
 * no churn risk. Purchases refunded in full do not count.
 */
public enum ChurnRisk {

	LOW, MEDIUM, HIGH;

	/** Silent longer than this many usual gaps is at least {@link #MEDIUM}. */
	public static final double MEDIUM_AFTER_GAPS = 1.5;

	/** Silent longer than this many usual gaps is {@link #HIGH}. */
	public static final double HIGH_AFTER_GAPS = 3.0;

	/**
	 * The risk of a member silent for {@code silentDays} whose usual gap is
	 * {@code gapDays}.
	 */
	public static ChurnRisk of(double silentDays, double gapDays) {
		double gaps = silentDays / Math.max(gapDays, 1.0);
		return (gaps > HIGH_AFTER_GAPS) ? HIGH : (gaps > MEDIUM_AFTER_GAPS) ? MEDIUM : LOW;
	}

}
