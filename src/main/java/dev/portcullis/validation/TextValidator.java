package dev.portcullis.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}, naming the rule that failed. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int max;

    @Override
    public void initialize(Text text) {
        max = text.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = value == null ? null : TextPolicy.problemWith(value, max);
        return problem == null || Violations.replace(context, problem);
    }
}
