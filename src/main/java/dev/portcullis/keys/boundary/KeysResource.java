package dev.portcullis.keys.boundary;

import dev.portcullis.Page;
import dev.portcullis.errors.InsufficientPermissions;
import dev.portcullis.errors.Require;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.ratelimit.control.Counter;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.Limits;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.security.Caller;
import dev.portcullis.security.Environment;
import dev.portcullis.security.Role;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /v1/keys}: a tenant admin manages the keys of the tenant the request acts for. */
@Path("v1/keys")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    ApiKeys keys;

    @Inject
    Caller caller;

    @Inject
    Tenants tenants;

    @Inject
    Plans plans;

    @Inject
    RateLimiter limiter;

    @POST
    @Transactional
    public Response create(NewKey body, @Context UriInfo uri) {
        Require.body(body);
        String name = Require.text("name", body.name(), 200);
        Environment environment = body.environment() == null ? caller.environment()
                : Require.oneOf("environment", body.environment(), Environment::of, "live, test");
        Role role = body.role() == null ? Role.MEMBER : Require.oneOf("role", body.role(), Role::of, Role.names());
        KeyType type = body.type() == null ? KeyType.SECRET : Require.oneOf("type", body.type(), KeyType::of, "secret, tenant");
        Instant expiresAt = Require.instant("expires_at", body.expiresAt());
        if (expiresAt != null && !expiresAt.isAfter(keys.now())) {
            throw new ValidationFailed("expires_at", "expires_at must be in the future");
        }
        if (!caller.has(role)) {
            throw InsufficientPermissions.requiringRole(role.value());
        }
        if (role == Role.PLATFORM_ADMIN && !Tenant.PLATFORM_ID.equals(caller.tenantId())) {
            throw new ValidationFailed("role", "platform_admin keys exist only in the platform tenant");
        }
        if (environment != caller.environment() && caller.environment() == Environment.TEST) {
            throw new ValidationFailed("environment", "A test credential can only create test keys");
        }
        LimitOverride override = allowedOverride(body.rateLimit());
        ApiKeys.Issued issued = keys.create(caller.tenantId(), name, type, environment, role, expiresAt);
        issued.key().limitTo(override.perMinute(), override.perDay(), keys.now());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(KeyResponse.withSecret(issued.key(), issued.secret(), keys.now(), null))
                .build();
    }

    @GET
    @Transactional
    public Page<KeyResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = Page.limit(limit);
        Instant now = keys.now();
        List<ApiKey> page = keys.page(caller.tenantId(), Page.Position.decode(cursor), size);
        Map<String, long[]> live = limiter.current(page.stream().map(ApiKey::id).toList());
        return Page.of(page, size, key -> KeyResponse.from(key, now, lastUsed(live.get(key.id()))),
                key -> new Page.Position(key.createdAt(), key.id()));
    }

    @GET
    @Path("{id}")
    @Transactional
    public KeyResponse get(@PathParam("id") String id) {
        return respond(keys.get(caller.tenantId(), id));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    public KeyResponse update(@PathParam("id") String id, KeyChange body) {
        Require.body(body);
        ApiKey key = keys.get(caller.tenantId(), id);
        String name = Require.optionalText("name", body.name(), 200);
        if (name != null) {
            key.rename(name, keys.now());
        }
        if (body.rateLimit() != null) {
            LimitOverride override = allowedOverride(body.rateLimit());
            key.limitTo(override.perMinute(), override.perDay(), keys.now());
            keys.changed(key);
        }
        return respond(key);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(keys.get(caller.tenantId(), id));
        return Response.noContent().build();
    }

    private KeyResponse respond(ApiKey key) {
        return KeyResponse.from(key, keys.now(), lastUsed(limiter.current(List.of(key.id())).get(key.id())));
    }

    private static Instant lastUsed(long[] counter) {
        return counter == null || Counter.lastUsedMillis(counter) == 0 ? null : Instant.ofEpochMilli(Counter.lastUsedMillis(counter));
    }

    /** Tenant admins may only lower their key's limits below the tenant's; platform admins set any. */
    private LimitOverride allowedOverride(RateLimitBody body) {
        if (body == null) {
            return LimitOverride.NONE;
        }
        LimitOverride override = body.validated();
        Limits tenantLimits = plans.of(tenants.view(caller.tenantId()).orElseThrow());
        if (!caller.isPlatformAdmin() && !override.over(tenantLimits).within(tenantLimits)) {
            throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
        }
        return override;
    }
}
