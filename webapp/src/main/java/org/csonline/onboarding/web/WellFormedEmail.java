package org.csonline.onboarding.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.csonline.onboarding.support.EmailAddress;

/** An email address of the shape {@link EmailAddress} accepts; nothing typed is left to {@code @NotBlank}. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WellFormedEmail.Check.class)
public @interface WellFormedEmail {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Blank passes, so that a field has one message at most. */
    class Check implements ConstraintValidator<WellFormedEmail, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            EmailAddress address = EmailAddress.typed(value);
            return address.isEmpty() || address.wellFormed();
        }
    }
}
