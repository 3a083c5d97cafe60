package dev.portcullis.users.boundary;

import dev.portcullis.users.entity.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A user as clients see it; never its password or hash. */
@JsonbPropertyOrder({"id", "email", "role", "tenantId", "environment", "disabled", "createdAt", "updatedAt"})
public record UserResponse(String id, String email, String role, String tenantId, String environment, boolean disabled,
                           Instant createdAt, Instant updatedAt) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id(), user.email(), user.role().value(), user.tenantId(), user.environment().value(),
                user.isDisabled(), user.createdAt(), user.updatedAt());
    }
}
