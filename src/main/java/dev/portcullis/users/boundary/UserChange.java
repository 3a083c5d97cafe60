package dev.portcullis.users.boundary;

import dev.portcullis.access.Role;
import dev.portcullis.access.Secret;
import jakarta.validation.constraints.Pattern;

/** A partial update: absent fields are left as they are. */
public record UserChange(@Pattern(regexp = Role.PATTERN, message = "must be one of " + Role.NAMES) String role,
                         Boolean disabled, @Secret String password) {
}
