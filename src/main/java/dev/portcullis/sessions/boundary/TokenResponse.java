package dev.portcullis.sessions.boundary;

import dev.portcullis.sessions.control.Sessions;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Exactly the seed's login response, field by field. */
@JsonbPropertyOrder({"accessToken", "refreshToken", "tokenType", "expiresIn", "user"})
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserSummary user) {

    @JsonbPropertyOrder({"id", "email", "role", "tenantId"})
    public record UserSummary(String id, String email, String role, String tenantId) {
    }

    static TokenResponse from(Sessions.Issued issued) {
        var user = issued.user();
        return new TokenResponse(issued.accessToken(), issued.refreshToken(), "Bearer", issued.expiresIn(),
                new UserSummary(user.id(), user.email(), user.role().value(), user.tenantId()));
    }
}
