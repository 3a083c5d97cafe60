package dev.portcullis.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Jakarta Validation's refusal of a request (the constraints on request records and parameters) in the
 * envelope: 400 {@code VALIDATION_FAILED}, naming the field as the client wrote it ({@code rate_limit.per_day},
 * not {@code create.body.rateLimit.perDay}). Constraint messages are phrases that follow the field's name
 * ("is required"). Of several violations one is reported, the same one each time.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException refused) {
        record Named(String field, String message) {
        }
        Named first = refused.getConstraintViolations().stream()
                .map(violation -> new Named(field(violation), violation.getMessage()))
                .min(Comparator.comparing(Named::field).thenComparing(Named::message))
                .orElse(new Named("body", "is not acceptable"));
        return ErrorEnvelope.response(400, "VALIDATION_FAILED", first.field() + " " + first.message(),
                Map.of("field", first.field())).build();
    }

    /** The JSON name of the property that failed, or of the parameter when the whole parameter did. */
    static String field(ConstraintViolation<?> violation) {
        String parameter = "body";
        List<String> properties = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY -> properties.add(snakeCase(node.getName()));
                default -> {
                    // the method, a container's element: not part of the client's field name
                }
            }
        }
        return properties.isEmpty() ? snakeCase(parameter) : String.join(".", properties);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
