package dev.portcullis.keys.boundary;

import dev.portcullis.Page;
import dev.portcullis.allowlist.control.IpAllowlist;
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
import dev.portcullis.security.RequiresScope;
import dev.portcullis.security.Role;
import dev.portcullis.security.Scopes;
import dev.portcullis.tenants.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/keys}: a tenant admin manages the keys of the tenant the request acts for. Keys are the
 * one kind of object a live credential manages in both environments (it issues and revokes the test
 * keys of its tenant); a test credential sees, creates and changes test keys only.
 */
@Path("v1/keys")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeysResource {

    static final Duration MAX_GRACE = Duration.ofDays(7);

    @Inject
    ApiKeys keys;

    @Inject
    Caller caller;

    @Inject
    Plans plans;

    @Inject
    RateLimiter limiter;

    @POST
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    public Response create(NewKey body, @Context UriInfo uri) {
        Require.body(body);
        String name = Require.text("name", body.name(), 200);
        Environment environment = body.environment() == null ? caller.environment()
                : Require.oneOf("environment", body.environment(), Environment::of, "live, test");
        Role role = body.role() == null ? Role.MEMBER : Require.oneOf("role", body.role(), Role::of, Role.names());
        KeyType type = body.type() == null ? KeyType.SECRET : Require.oneOf("type", body.type(), KeyType::of, "secret, tenant");
        Instant expiresAt = futureInstant(body.expiresAt());
        if (!caller.has(role)) {
            throw InsufficientPermissions.requiringRole(role.value());
        }
        if (role == Role.PLATFORM_ADMIN && !Tenant.PLATFORM_ID.equals(caller.tenantId())) {
            throw new ValidationFailed("role", "platform_admin keys exist only in the platform tenant");
        }
        if (environment == Environment.LIVE && caller.environment() == Environment.TEST) {
            throw new ValidationFailed("environment", "A test credential creates test keys only");
        }
        Set<String> scopes = allowedScopes(body.scopes() == null ? List.of() : body.scopes());
        IpAllowlist allowlist = body.allowedIps() == null ? IpAllowlist.NONE : IpAllowlist.fromRequest("allowed_ips", body.allowedIps());
        LimitOverride override = allowedOverride(body.rateLimit());

        ApiKeys.Issued issued = keys.create(caller.tenantId(), name, type, environment, role, expiresAt);
        ApiKey key = issued.key();
        key.restrictTo(scopes, keys.now());
        key.allowIps(allowlist.stored(), keys.now());
        key.limitTo(override.perMinute(), override.perDay(), keys.now());
        return Response.created(uri.getAbsolutePathBuilder().path(key.id()).build())
                .entity(KeyResponse.withSecret(key, issued.secret(), keys.now(), null))
                .build();
    }

    @GET
    @Transactional
    @RequiresScope(Scopes.KEYS_READ)
    public Page<KeyResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        Instant now = keys.now();
        List<ApiKey> page = keys.page(caller.tenantId(), caller.environment(), Page.Position.decode(cursor), size);
        Map<String, long[]> live = limiter.current(page.stream().map(ApiKey::id).toList());
        return Page.of(page, size, key -> KeyResponse.from(key, now, lastUsed(live.get(key.id()))),
                key -> new Page.Position(key.createdAt(), key.id()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.KEYS_READ)
    public KeyResponse get(@PathParam("id") String id) {
        return respond(visible(id));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    public KeyResponse update(@PathParam("id") String id, KeyChange body) {
        Require.body(body);
        ApiKey key = visible(id);
        Instant now = keys.now();
        String name = Require.optionalText("name", body.name(), 200);
        if (name != null) {
            key.rename(name, now);
        }
        if (body.scopes() != null) {
            key.restrictTo(allowedScopes(body.scopes()), now);
        }
        if (body.expiresAt() != null) {
            key.expireAt(futureInstant(body.expiresAt()), now);
        }
        if (body.allowedIps() != null) {
            key.allowIps(IpAllowlist.fromRequest("allowed_ips", body.allowedIps()).stored(), now);
        }
        if (body.rateLimit() != null) {
            LimitOverride override = allowedOverride(body.rateLimit());
            key.limitTo(override.perMinute(), override.perDay(), now);
        }
        keys.changed(key);
        return respond(key);
    }

    /**
     * A new secret for the same key: same id, name, role, scopes and limits. The old secret keeps
     * working for the grace period (none by default), then gets 401.
     */
    @POST
    @Path("{id}/roll")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    public KeyResponse roll(@PathParam("id") String id, Roll body) {
        ApiKey key = visible(id);
        if (!key.isActive(keys.now())) {
            throw new ValidationFailed("id", "only an active key can be rolled");
        }
        long grace = body == null || body.gracePeriodSeconds() == null ? 0 : body.gracePeriodSeconds();
        if (grace < 0 || grace > MAX_GRACE.toSeconds()) {
            throw new ValidationFailed("grace_period_seconds", "grace_period_seconds must be 0 to " + MAX_GRACE.toSeconds());
        }
        ApiKeys.Issued issued = keys.roll(key, keys.now().plusSeconds(grace));
        return KeyResponse.withSecret(issued.key(), issued.secret(), keys.now(), null);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(visible(id));
        return Response.noContent().build();
    }

    private ApiKey visible(String id) {
        return keys.get(caller.tenantId(), caller.environment(), id);
    }

    private KeyResponse respond(ApiKey key) {
        return KeyResponse.from(key, keys.now(), lastUsed(limiter.current(List.of(key.id())).get(key.id())));
    }

    private static Instant lastUsed(long[] counter) {
        return counter == null || Counter.lastUsedMillis(counter) == 0 ? null : Instant.ofEpochMilli(Counter.lastUsedMillis(counter));
    }

    private Instant futureInstant(String value) {
        Instant instant = Require.instant("expires_at", value);
        if (instant != null && !instant.isAfter(keys.now())) {
            throw new ValidationFailed("expires_at", "expires_at must be in the future");
        }
        return instant;
    }

    /** Known scopes only, and a scoped caller can hand out no scope it lacks itself. */
    private Set<String> allowedScopes(List<String> requested) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || !Scopes.ALL.contains(scope)) {
                throw new ValidationFailed("scopes", "unknown scope '" + scope + "'; scopes are " + Scopes.names());
            }
            scopes.add(scope);
        }
        if (!caller.scopes().isEmpty()) {
            if (scopes.isEmpty()) {
                throw InsufficientPermissions.requiringScope(String.join(" ", caller.scopes()));
            }
            for (String scope : scopes) {
                if (!caller.scopes().contains(scope)) {
                    throw InsufficientPermissions.requiringScope(scope);
                }
            }
        }
        return scopes;
    }

    /** Tenant admins may only set key limits within the tenant's; platform admins set any. */
    private LimitOverride allowedOverride(RateLimitBody body) {
        if (body == null) {
            return LimitOverride.NONE;
        }
        LimitOverride override = body.validated();
        Limits tenantLimits = plans.of(caller.tenantId());
        if (!caller.isPlatformAdmin() && !override.over(tenantLimits).within(tenantLimits)) {
            throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
        }
        return override;
    }
}
