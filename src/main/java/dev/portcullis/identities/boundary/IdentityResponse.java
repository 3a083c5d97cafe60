package dev.portcullis.identities.boundary;

import dev.portcullis.identities.entity.Identity;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.ratelimit.control.NamedLimit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

@JsonbPropertyOrder({"id", "tenantId", "environment", "externalId", "meta", "rateLimit", "rateLimits", "createdAt", "updatedAt"})
public record IdentityResponse(String id, String tenantId, String environment, String externalId, JsonObject meta,
                               RateLimitBody rateLimit, List<NamedLimitBody> rateLimits, Instant createdAt, Instant updatedAt) {

    public static IdentityResponse from(Identity identity) {
        return new IdentityResponse(identity.id(), identity.tenantId(), identity.environment().value(), identity.externalId(),
                meta(identity.meta()), RateLimitBody.from(identity.perMinute(), identity.perDay()),
                NamedLimit.fromStored(identity.namedLimits()).stream().map(NamedLimitBody::from).toList(),
                identity.createdAt(), identity.updatedAt());
    }

    /** Stored metadata as the JSON object it was. */
    public static JsonObject meta(String stored) {
        if (stored == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }
}
