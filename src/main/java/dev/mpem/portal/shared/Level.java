package dev.mpem.portal.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A level of the model: a whole number from 1 (Basic) to 5 (Leader), or nothing (whether a level
 * is required is for the form or command to say). The one rule for levels, wherever they come from.
 */
@Documented
@Constraint(validatedBy = Level.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Level {

    int MIN = 1;

    int MAX = 5;

    String message() default "{level.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the rule; {@link #isLevel} for code that needs it without a validator. */
    final class Validator implements jakarta.validation.ConstraintValidator<Level, Integer> {

        public static boolean isLevel(int level) {
            return level >= MIN && level <= MAX;
        }

        @Override
        public boolean isValid(Integer level, jakarta.validation.ConstraintValidatorContext context) {
            return level == null || isLevel(level);
        }
    }
}
