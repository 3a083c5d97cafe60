package dev.portcullis.keys.boundary;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.database.Page;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.net.RoutePattern;
import dev.portcullis.ratelimit.boundary.NamedLimitBody;
import dev.portcullis.ratelimit.boundary.RateLimitBody;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.ratelimit.grid.Decide;
import dev.portcullis.validation.TextPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/keys}: a tenant admin manages the keys of the tenant the request acts for. Keys are the
 * one kind of object a live credential manages in both environments (it issues and revokes the test
 * keys of its tenant); a test credential sees, creates and changes test keys only. The rules are
 * {@link ApiKeys}'s; this validates and translates.
 */
@Path("v1/keys")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    ApiKeys keys;

    @Inject
    Caller caller;

    @Inject
    RateLimiter limiter;

    @POST
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    @Audited("key.created")
    public Response create(@NotNull(message = "is required") @Valid NewKey body, @Context UriInfo uri) {
        ApiKeys.Issued issued = keys.create(caller, new ApiKeys.Creation(TextPolicy.normalized(body.name()),
                body.environment() == null ? null : Environment.of(body.environment()).orElseThrow(),
                body.role() == null ? null : Role.of(body.role()).orElseThrow(),
                body.type() == null ? null : KeyType.of(body.type()).orElseThrow(),
                instant(body.expiresAt()), scopes(body.scopes()), allowlist(body.allowedIps()), limits(body.rateLimit()),
                body.credits() == null ? null : body.credits().credits(), NamedLimitBody.limits("rate_limits", body.rateLimits()),
                routes(body.allowedRoutes()), meta(body.meta()), TextPolicy.normalized(body.externalId()), body.identityId()));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(KeyResponse.withSecret(issued.key(), issued.secret(), keys.now(), null, keys.creditsNow(issued.key())))
                .build();
    }

    /** {@code ?external_id=}: only the keys of that owner. */
    @GET
    @Transactional
    @RequiresScope(Scopes.KEYS_READ)
    public Page<KeyResponse> list(@QueryParam("external_id") String externalId, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") String limit) {
        int size = Page.limit(limit);
        Instant now = keys.now();
        List<ApiKey> page = keys.page(caller.tenantId(), caller.environment(), externalId, Page.Position.decode(cursor), size);
        Map<String, Instant> lastUsed = lastUsed(page);
        return Page.of(page, size, key -> KeyResponse.from(key, now, lastUsed.get(key.id()), keys.creditsNow(key)),
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
    @Audited("key.updated")
    public KeyResponse update(@PathParam("id") String id, @NotNull(message = "is required") @Valid KeyChange body) {
        return respond(keys.change(caller, visible(id), new ApiKeys.Change(TextPolicy.normalized(body.name()),
                scopes(body.scopes()), instant(body.expiresAt()), allowlist(body.allowedIps()), limits(body.rateLimit()),
                body.enabled(), body.credits() == null ? null : body.credits().credits(),
                NamedLimitBody.limits("rate_limits", body.rateLimits()), routes(body.allowedRoutes()), meta(body.meta()),
                TextPolicy.normalized(body.externalId()), body.identityId())));
    }

    /** {@code {"add": n}}: more credits on top of what remains now. */
    @POST
    @Path("{id}/credits")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    @Audited("key.credits_added")
    public KeyResponse topUp(@PathParam("id") String id, @NotNull(message = "is required") @Valid CreditsTopUp body) {
        ApiKey key = visible(id);
        long remaining = keys.topUp(key, body.add())[Decide.CREDITS_REMAINING];
        return KeyResponse.from(key, keys.now(), lastUsed(List.of(key)).get(key.id()), remaining);
    }

    /** The key is no longer metered by credits. */
    @DELETE
    @Path("{id}/credits")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    @Audited("key.credits_removed")
    public KeyResponse removeCredits(@PathParam("id") String id) {
        ApiKey key = visible(id);
        keys.removeCredits(key);
        return respond(key);
    }

    public record CreditsTopUp(@NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 1000000000000")
                               @Max(value = CreditsBody.MAX, message = "must be 1 to 1000000000000") Long add) {
    }

    /** A new secret for the same key; the old one keeps working for the grace period (none by default). */
    @POST
    @Path("{id}/roll")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    @Audited("key.rolled")
    public KeyResponse roll(@PathParam("id") String id, @Valid Roll body) {
        long grace = body == null || body.gracePeriodSeconds() == null ? 0 : body.gracePeriodSeconds();
        ApiKeys.Issued issued = keys.roll(visible(id), Duration.ofSeconds(grace));
        return KeyResponse.withSecret(issued.key(), issued.secret(), keys.now(), lastUsed(List.of(issued.key())).get(id),
                keys.creditsNow(issued.key()));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope(Scopes.KEYS_MANAGE)
    @Audited("key.revoked")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(visible(id));
        return Response.noContent().build();
    }

    private ApiKey visible(String id) {
        return keys.get(caller.tenantId(), caller.environment(), id);
    }

    private KeyResponse respond(ApiKey key) {
        return KeyResponse.from(key, keys.now(), lastUsed(List.of(key)).get(key.id()), keys.creditsNow(key));
    }

    private Map<String, Instant> lastUsed(List<ApiKey> page) {
        Map<String, String> identities = new HashMap<>();
        page.forEach(key -> identities.put(key.id(), key.identityId()));
        return limiter.lastUsed(identities);
    }

    private static Instant instant(String timestamp) {
        return timestamp == null ? null : Instant.parse(timestamp);
    }

    private static Set<String> scopes(List<String> scopes) {
        return scopes == null ? null : new LinkedHashSet<>(scopes);
    }

    private static IpAllowlist allowlist(List<String> entries) {
        return entries == null ? null : IpAllowlist.fromRequest("allowed_ips", entries);
    }

    private static List<RoutePattern> routes(List<String> routes) {
        if (routes == null) {
            return null;
        }
        return routes.stream().map(route -> {
            try {
                return RoutePattern.parse(route);
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("allowed_routes", "allowed_routes: " + e.getMessage());
            }
        }).toList();
    }

    private static String meta(JsonObject meta) {
        return meta == null ? null : meta.toString();
    }

    private static LimitOverride limits(RateLimitBody body) {
        return body == null ? null : body.override();
    }
}
