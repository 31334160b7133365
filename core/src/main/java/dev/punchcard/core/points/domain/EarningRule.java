package dev.punchcard.core.points.domain;

import java.math.BigInteger;
import java.util.Currency;

import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.Points;

/**
 * Points earned for an amount: {@code pointsPerUnit} per whole currency unit, times the
 * tier multiplier, rounded down. Computed in exact integers, so no amount can overflow or
 * round up.
 */
public final class EarningRule {

	private static final BigInteger HUNDRED = BigInteger.valueOf(100);

	private final long pointsPerUnit;

	public EarningRule(long pointsPerUnit) {
		if (pointsPerUnit < 0 || pointsPerUnit > 1_000) {
			throw new IllegalArgumentException("points per unit must be between 0 and 1000");
		}
		this.pointsPerUnit = pointsPerUnit;
	}

	/** Points per whole currency unit spent, before the tier's multiplier. */
	public long pointsPerUnit() {
		return this.pointsPerUnit;
	}

	public Points pointsFor(Money amount, Tier tier) {
		if (amount.minorUnits() <= 0) {
			return Points.ZERO;
		}
		BigInteger minorPerUnit = BigInteger.TEN.pow(fractionDigits(amount.currency()));
		BigInteger points = BigInteger.valueOf(amount.minorUnits())
			.multiply(BigInteger.valueOf(this.pointsPerUnit))
			.multiply(BigInteger.valueOf(tier.multiplierPercent()))
			.divide(minorPerUnit.multiply(HUNDRED));
		return Points.of(points.longValueExact());
	}

	private static int fractionDigits(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}

}
