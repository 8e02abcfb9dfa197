package dev.mpem.portal.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A name or title without characters that disguise it (bidirectional controls, zero-width characters). */
@Documented
@Constraint(validatedBy = PlainName.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainName {

    /** How the field is called in the message: "The name", "The title". */
    String value() default "The name";

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainName, String> {

        private String what;

        @Override
        public void initialize(PlainName annotation) {
            this.what = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            int disguise = Text.firstDisguise(value);
            if (disguise < 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Text.disguiseMessage(what, disguise).replace("{", "\\\\{"))
                    .addConstraintViolation();
            return false;
        }
    }
}
