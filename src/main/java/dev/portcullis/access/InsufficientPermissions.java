package dev.portcullis.access;

import dev.portcullis.errors.ApiFailure;
/** The caller is who it says, but its role or scopes do not allow this operation. */
public class InsufficientPermissions extends ApiFailure {

    private InsufficientPermissions() {
        super(403, "INSUFFICIENT_PERMISSIONS", "Insufficient permissions for this operation");
    }

    public static InsufficientPermissions requiringRole(String role) {
        return (InsufficientPermissions) new InsufficientPermissions().with("required_role", role);
    }

    /** A key restricted to certain routes, called on another: {@code route} is the one it was called on. */
    public static InsufficientPermissions outsideRoutes(String route) {
        return (InsufficientPermissions) new InsufficientPermissions().with("route", route);
    }

    public static InsufficientPermissions requiringScope(String scope) {
        return (InsufficientPermissions) new InsufficientPermissions().with("required_scope", scope);
    }
}
