package dev.portcullis.validation;

import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/** A client's own JSON (metadata) of at most {@link #maxBytes()} bytes as stored; null passes. */
@Constraint(validatedBy = SmallJson.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SmallJson {

    int maxBytes();

    String message() default "is larger than it may be";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SmallJson, JsonValue> {

        private int maxBytes;

        @Override
        public void initialize(SmallJson annotation) {
            maxBytes = annotation.maxBytes();
        }

        @Override
        public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
            if (value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
                return true;
            }
            return Violations.replace(context, "must be at most " + maxBytes + " bytes of JSON");
        }
    }
}
