package dev.portcullis.sessions.boundary;

import dev.portcullis.access.Environment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The seed's login body; {@code environment} ("live" by default, or "test") is Portcullis's addition.
 * A field left out is the client's mistake, not a failed login: it answers 400 and counts neither
 * against the account's lockout nor against the address's failed-authentication budget.
 */
public record LoginRequest(@NotBlank(message = "is required") @Size(max = 320, message = "must be at most 320 characters") String email,
                           @NotEmpty(message = "is required") String password,
                           @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String tenantId,
                           @Pattern(regexp = Environment.PATTERN, message = "must be one of " + Environment.NAMES) String environment) {
}
