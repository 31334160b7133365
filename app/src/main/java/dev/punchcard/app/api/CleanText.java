package dev.punchcard.app.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.punchcard.core.shared.domain.PlainText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A text field of a request holds no control characters ({@link PlainText}'s rule); with
 * {@code multiLine} it may hold tab and line breaks. Every {@code String} of a request
 * record carries this or a {@code @Pattern} (ArchitectureTest checks it), so no text with
 * NUL ever reaches the database. {@code null} is valid: {@code @NotNull} says otherwise.
 */
@Documented
@Constraint(validatedBy = CleanText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

	String message() default "must not contain control characters";

	boolean multiLine() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the text with {@link PlainText}. */
	public static class Validator implements ConstraintValidator<CleanText, String> {

		private boolean multiLine;

		@Override
		public void initialize(CleanText annotation) {
			this.multiLine = annotation.multiLine();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			boolean clean = this.multiLine ? PlainText.isMultiLine(value) : PlainText.isSingleLine(value);
			if (!clean && this.multiLine) {
				context.disableDefaultConstraintViolation();
				context
					.buildConstraintViolationWithTemplate(
							"must not contain control characters other than tab and line breaks")
					.addConstraintViolation();
			}
			return clean;
		}

	}

}
