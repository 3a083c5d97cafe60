package dev.portcullis.validation;

import jakarta.validation.ConstraintValidatorContext;

/** For validators whose message depends on what failed. */
final class Violations {

    private Violations() {
    }

    /** Reports {@code message} (taken literally) instead of the constraint's own; always false. */
    static boolean replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        // Escaped so that nothing of the client's input is read as a message expression.
        String literal = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        context.buildConstraintViolationWithTemplate(literal).addConstraintViolation();
        return false;
    }
}
