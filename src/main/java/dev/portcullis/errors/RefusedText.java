package dev.portcullis.errors;

import jakarta.json.bind.JsonbException;

/**
 * A JSON string the reader refuses for its content, whatever field it is in: well-formed JSON, but text
 * that no field can hold (a NUL character, which PostgreSQL cannot store). Answered as 400
 * {@code VALIDATION_FAILED} naming the field, on every database alike.
 */
public class RefusedText extends JsonbException {

    private static final long serialVersionUID = 1L;

    public RefusedText(String reason) {
        super(reason);
    }
}
