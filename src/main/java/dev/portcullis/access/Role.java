package dev.portcullis.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Roles form a ladder: each includes every role below it, so {@code @RolesAllowed("member")} admits
 * admins and platform admins too. Platform admins exist only in the platform tenant.
 */
public enum Role {
    READ_ONLY("read_only"),
    MEMBER("member"),
    ADMIN("admin"),
    PLATFORM_ADMIN("platform_admin");

    /** Every role's name, for {@code @Pattern} on request fields (constants, as annotations need). */
    public static final String PATTERN = "read_only|member|admin|platform_admin";
    public static final String NAMES = "read_only, member, admin, platform_admin";

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role names this role satisfies: the JWT {@code groups} claim. */
    public List<String> groups() {
        return Arrays.stream(values()).filter(this::includes).map(Role::value).toList();
    }

    public static Optional<Role> of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }

}
