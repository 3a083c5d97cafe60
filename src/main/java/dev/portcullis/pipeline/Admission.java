package dev.portcullis.pipeline;

import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.Role;
import dev.portcullis.errors.ApiFailure;
import dev.portcullis.errors.NotFound;
import dev.portcullis.identities.control.Identities;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.control.InvalidApiKey;
import dev.portcullis.keys.control.KeyCredential;
import dev.portcullis.keys.control.KeyDisabled;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.net.IpNotAllowed;
import dev.portcullis.ratelimit.control.ChargePlan;
import dev.portcullis.ratelimit.control.FailedAuthentications;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.control.RateLimitUnavailable;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.ratelimit.control.UsageExceeded;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.sessions.control.AccessTokens;
import dev.portcullis.tenants.control.TenantView;
import dev.portcullis.tenants.control.Tenants;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one admission path: is this credential good, for which tenant, from this address, within its
 * rate limits? The filters take its steps one by one for every request; the gateway's key verification
 * ({@link #admitKey}) takes the same steps for a key that someone else was handed. Each step either
 * answers or throws the refusal the client gets.
 */
@OnRequestPath
public class Admission {

    private static final Pattern TENANT_ID = Pattern.compile("tenant_[A-Za-z0-9]{1,57}");
    private static final Runnable UNCOUNTED = () -> { };

    /** A key that passed every check but perhaps its limits, which {@code decision} tells. */
    public record Admitted(Caller.Identity identity, KeyCredential key, Decision decision) {

        /** Null {@code decision}: the counter store failed and {@code ratelimit.fail-open} let it through. */
        public boolean withinLimits() {
            return decision == null || decision.admitted();
        }
    }

    @Inject
    KeyFormat format;

    @Inject
    ApiKeys keys;

    @Inject
    AccessTokens accessTokens;

    @Inject
    Tenants tenants;

    @Inject
    RateLimiter limiter;

    @Inject
    FailedAuthentications failures;

    @Inject
    Identities identities;

    @Inject
    PipelineMetrics metrics;

    /**
     * Step 1: a bearer credential. A value with a key prefix is an API key, a value shaped like a JWT
     * (three parts) one of our tokens; anything else is refused as an invalid API key, which is what a
     * client presenting junk or another server's key most likely holds. Refusals count against the
     * client's address; an address over its budget gets 429 before any lookup or signature check. Null:
     * the header was not a bearer credential. The address is put in words only when a refusal is counted
     * against it, not for every request.
     */
    public Presented authenticate(String credential, InetAddress client) {
        if (credential == null) {
            throw failures.refused(client.getHostAddress(), new InvalidApiKey());
        }
        if (format.claimsToBeKey(credential) || !shapedLikeJwt(credential)) {
            return authenticateKey(credential, client, key -> true);
        }
        try {
            return Presented.session(accessTokens.authenticate(credential, () -> failures.refuseIfBlocked(client.getHostAddress())));
        } catch (RateLimitExceeded blocked) {
            throw blocked;
        } catch (ApiFailure refused) {
            throw failures.refused(client.getHostAddress(), refused);
        }
    }

    /**
     * An API key that {@code visible} lets the asker see; without an address nothing is counted. A disabled
     * key is the key it claims to be: its refusal says so and counts against no address.
     */
    private Presented authenticateKey(String presented, InetAddress client, Predicate<KeyCredential> visible) {
        Runnable unlessBlocked = client == null ? UNCOUNTED : () -> failures.refuseIfBlocked(client.getHostAddress());
        KeyCredential key;
        try {
            key = keys.authenticate(presented, unlessBlocked).filter(visible).orElseThrow(InvalidApiKey::new);
        } catch (InvalidApiKey refused) {
            throw client == null ? refused : failures.refused(client.getHostAddress(), refused);
        }
        if (!key.enabled()) {
            throw new KeyDisabled();
        }
        return Presented.key(key);
    }

    /** Step 2: the credential's own tenant, which must be active. */
    public TenantView homeTenant(Presented presented) {
        return tenants.active(presented.identity().tenantId());
    }

    /**
     * Step 2, for {@code X-Tenant-ID}: only a platform admin's secret key may name another tenant, and
     * only one that exists; anyone else naming any tenant gets 403.
     */
    public String tenantToActFor(Presented presented, String requested) {
        Caller.Identity identity = presented.identity();
        if (!identity.role().includes(Role.PLATFORM_ADMIN) || identity.tenantBound()) {
            throw InsufficientPermissions.requiringRole(Role.PLATFORM_ADMIN.value());
        }
        String tenantId = requested.strip();
        if (!TENANT_ID.matcher(tenantId).matches() || tenants.view(tenantId).isEmpty()) {
            throw new NotFound("Tenant");
        }
        return tenantId;
    }

    /**
     * Step 3, for a key restricted to certain routes: the request's (or, at a gateway, the forwarded one's)
     * method and path must be one of them. Unknown (a gateway that does not say): refused.
     */
    public void checkRoute(Presented presented, String method, String path) {
        if (presented.key() != null && !presented.key().routes().isEmpty()
                && (method == null || path == null || !presented.key().allows(method, path))) {
            throw InsufficientPermissions.outsideRoutes(method == null || path == null ? "unknown" : method + " " + path);
        }
    }

    /** Step 3: the address must be on the tenant's allowlist and on the key's, wherever one is set. */
    public void checkAddress(TenantView home, Presented presented, InetAddress client) {
        if (!IpAllowlist.allowedByBoth(home.allowlist(), presented.allowlist(), client)) {
            throw new IpNotAllowed();
        }
    }

    /**
     * Step 4: the charge, to the credential's subject with the limits of its own tenant (a platform admin
     * acting for a tenant spends the platform's quota). Null when the store failed and fail-open is set.
     */
    public Decision charge(Presented presented, TenantView home, long cost, Map<String, Long> named) {
        String subject = presented.identity().subject();
        KeyCredential key = presented.key();
        ChargePlan.Identity identity = key == null || key.identityId() == null ? null
                : identities.limitsOf(key.identityId()).orElse(null);
        List<Bucket> buckets = ChargePlan.of(subject, presented.limits().over(tenants.limits(home)), key == null ? null : key.credits(),
                key == null ? List.of() : key.namedLimits(), identity, cost, named);
        long started = System.nanoTime();
        Decision decision;
        try {
            decision = limiter.charge(ChargePlan.entry(subject, identity == null ? null : identity.id()), home.id(), buckets);
        } catch (RateLimitUnavailable failed) {
            metrics.chargeFailed();
            throw failed;
        }
        metrics.charged(decision, System.nanoTime() - started);
        return decision;
    }

    /** What the client is told of a refused charge: out of credits, or to wait for a window. */
    public static ApiFailure refusal(Decision decision) {
        if (decision.outOfCredits()) {
            return new UsageExceeded(decision.credits().map(Decision.Standing::reset).orElse(0L), decision.retryAfter());
        }
        return new RateLimitExceeded(decision.retryAfter());
    }

    /**
     * Every step for a key presented to someone else (a backend that got it from its client), as for the
     * key's own request; the key is charged. Refusals before the charge are thrown, with the same codes
     * and messages as the pipeline's.
     *
     * @param visibleTenant the only tenant whose keys the asker may see, or null for every tenant
     * @param viewer        a test asker sees test keys only; a live one both, as with key management
     * @param client        the address the key came from, or null when the asker does not say: then only
     *                      keys without an allowlist pass, and refusals are not counted against an address
     * @param method        the client's request's method, or null when the asker does not say
     * @param path          and its path (a query may follow), or null: without both, only keys that are
     *                      not restricted to certain routes pass
     */
    public Admitted admitKey(String key, String visibleTenant, Environment viewer, InetAddress client, String method,
                             String path, long cost, Map<String, Long> named) {
        Presented presented = authenticateKey(key, client,
                found -> (visibleTenant == null || found.tenantId().equals(visibleTenant))
                        && (viewer == Environment.LIVE || found.environment() == viewer));
        TenantView home = homeTenant(presented);
        checkRoute(presented, method, path);
        checkAddress(home, presented, client);
        return new Admitted(presented.identity(), presented.key(), charge(presented, home, cost, named));
    }

    private static boolean shapedLikeJwt(String credential) {
        int first = credential.indexOf('.');
        int second = first < 0 ? -1 : credential.indexOf('.', first + 1);
        return second > 0 && credential.indexOf('.', second + 1) < 0;
    }
}
