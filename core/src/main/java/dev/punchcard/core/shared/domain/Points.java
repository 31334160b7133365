package dev.punchcard.core.shared.domain;

/**
 * A whole number of loyalty points; may be negative when it is a ledger delta.
 *
 * @param value number of points
 */
public record Points(long value) implements Comparable<Points> {

	public static final Points ZERO = new Points(0);

	public static Points of(long value) {
		return new Points(value);
	}

	public Points plus(Points other) {
		return new Points(Math.addExact(this.value, other.value));
	}

	public Points minus(Points other) {
		return new Points(Math.subtractExact(this.value, other.value));
	}

	public Points negate() {
		return new Points(Math.negateExact(this.value));
	}

	public boolean isZero() {
		return this.value == 0;
	}

	@Override
	public int compareTo(Points other) {
		return Long.compare(this.value, other.value);
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
