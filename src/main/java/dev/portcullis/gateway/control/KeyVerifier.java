package dev.portcullis.gateway.control;

import dev.portcullis.allowlist.control.IpAllowlist;
import dev.portcullis.errors.InvalidApiKey;
import dev.portcullis.errors.IpNotAllowed;
import dev.portcullis.errors.TenantSuspended;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.control.KeyCredential;
import dev.portcullis.ratelimit.control.Decision;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.security.Environment;
import dev.portcullis.tenants.control.TenantView;
import dev.portcullis.tenants.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;

/**
 * Decides on a key presented to someone else (a backend that got it from its client) as the pipeline
 * decides on the key of a request: the key itself, its tenant's suspension, the IP allowlists for the
 * client's address, and the charge. Refusals before the charge are the pipeline's own failures, thrown,
 * so that their codes and messages are the same; the caller turns them into a verdict.
 */
@ApplicationScoped
public class KeyVerifier {

    /**
     * A key that passed every check but perhaps the rate limit: {@code decision} says, and is null when the
     * counter store failed and {@code ratelimit.fail-open} admits it unmetered.
     */
    public record Charged(KeyCredential key, Decision decision) {

        public boolean admitted() {
            return decision == null || decision.admitted();
        }
    }

    @Inject
    ApiKeys keys;

    @Inject
    Tenants tenants;

    @Inject
    Plans plans;

    @Inject
    RateLimiter limiter;

    /**
     * @param visibleTenant the only tenant whose keys the verifier may see, or null for every tenant
     * @param viewer        a test verifier sees test keys only; a live one both, as with key management
     * @param client        the address the key came from, or null when the verifier does not say: then only
     *                      keys without an allowlist pass, and refusals are not counted against an address
     */
    public Charged verify(String presented, String visibleTenant, Environment viewer, InetAddress client) {
        String address = client == null ? null : client.getHostAddress();
        Runnable unlessBlocked = address == null ? () -> { } : () -> limiter.refuseIfBlocked(address);
        KeyCredential key;
        try {
            key = keys.authenticate(presented, unlessBlocked)
                    .filter(found -> visibleTenant == null || found.tenantId().equals(visibleTenant))
                    .filter(found -> viewer == Environment.LIVE || found.environment() == viewer)
                    .orElseThrow(InvalidApiKey::new);
        } catch (InvalidApiKey refused) {
            throw address == null ? refused : limiter.refused(address, refused);
        }
        TenantView tenant = tenants.view(key.tenantId()).filter(TenantView::active).orElseThrow(TenantSuspended::new);
        if (!IpAllowlist.allowedByBoth(tenant.allowlist(), key.allowlist(), client)) {
            throw new IpNotAllowed();
        }
        return new Charged(key, limiter.charge(key.keyId(), key.tenantId(), key.limits().over(plans.of(tenant))));
    }
}
