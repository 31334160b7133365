package dev.punchcard.core.segment.application;

/**
 * What is wrong with one field of a segment request.
 *
 * @param field the field's path, e.g. {@code filter.lastPurchase.moreThanDays}
 * @param message what it must be instead
 */
public record FieldError(String field, String message) implements Comparable<FieldError> {

	@Override
	public int compareTo(FieldError other) {
		return this.field.compareTo(other.field);
	}

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

}
