package dev.portcullis.sessions.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified access token, read through MicroProfile JWT's model. */
public final class AccessToken implements JsonWebToken {

    public static final String TENANT_ID = "tenant_id";
    public static final String ROLE = "role";
    public static final String ENVIRONMENT = "env";
    public static final String SESSION_ID = "sid";
    /** The issue time in milliseconds: a user's "not before" is compared at that precision. */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private final String raw;
    private final JsonObject claims;

    AccessToken(String raw, JsonObject claims) {
        this.raw = raw;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.getString(Claims.upn.name(), getSubject());
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        JsonValue value = claims.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return (T) switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).longValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> ((JsonArray) value).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .collect(Collectors.toSet());
            default -> value;
        };
    }

    public String tenantId() {
        return claims.getString(TENANT_ID);
    }

    public String role() {
        return claims.getString(ROLE);
    }

    public String environment() {
        return claims.getString(ENVIRONMENT, "live");
    }

    public String sessionId() {
        return claims.getString(SESSION_ID);
    }

    public long issuedAtMillis() {
        JsonNumber millis = claims.getJsonNumber(ISSUED_AT_MILLIS);
        return millis != null ? millis.longValue() : getIssuedAtTime() * 1000;
    }
}
