package dev.portcullis.users.boundary;

import dev.portcullis.access.Role;
import dev.portcullis.access.Secret;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Email and password rules are {@code Users}'s and {@code Passwords}'s (normalization, strength). */
public record NewUser(@NotNull(message = "is required") String email,
                      @NotNull(message = "is required") @Secret String password,
                      @Pattern(regexp = Role.PATTERN, message = "must be one of " + Role.NAMES) String role) {
}
