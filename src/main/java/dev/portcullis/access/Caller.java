package dev.portcullis.access;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the request pipeline established it before any resource method runs: the
 * credential (an API key or a session), the tenant the request acts for, role, scopes, live or test,
 * and the client's address. Inject it into a resource; {@code @RolesAllowed}, {@link RequiresScope}
 * and {@link Cost} have been applied by then.
 *
 * <p>Only the pipeline sets it, each part once (an architecture test keeps every other package from
 * calling the setters): the client's address at the transport, the identity at authentication, the
 * tenant a platform admin acts for at tenant resolution.
 *
 * <p>One per request, made by {@link Callers}.
 */
public class Caller {

    public enum Credential { NONE, API_KEY, SESSION }

    /**
     * What a credential proves: the key or user ({@code subject}), its own tenant, role, scopes (empty:
     * the role's full rights), environment, whether it is a tenant key bound to its tenant, the verified
     * JWT of a session, and whom a key is for: its owner's id in the tenant's own words ({@code externalId})
     * and the identity it belongs to (each null where there is none).
     */
    public record Identity(Credential credential, String subject, String tenantId, Role role, Set<String> scopes,
                           Environment environment, boolean tenantBound, JsonWebToken token, String externalId,
                           String identityId) {
    }

    private Identity identity;
    private String actingFor;
    private InetAddress clientAddress;

    /** The pipeline's: where the request came from, behind trusted proxies the real client. */
    public void arrivedFrom(InetAddress client) {
        once(clientAddress);
        clientAddress = client;
    }

    /** The pipeline's: the verified credential. */
    public void authenticatedAs(Identity identity) {
        once(this.identity);
        this.identity = identity;
    }

    /** The pipeline's: the tenant a platform admin's secret key acts for ({@code X-Tenant-ID}). */
    public void actsFor(String tenantId) {
        once(actingFor);
        actingFor = tenantId;
    }

    private static void once(Object current) {
        if (current != null) {
            throw new IllegalStateException("The pipeline establishes each part of the caller once");
        }
    }

    public boolean isAuthenticated() {
        return identity != null;
    }

    public Credential credential() {
        return identity == null ? Credential.NONE : identity.credential();
    }

    /** The key id for API keys, the user id for sessions; null without a credential. */
    public String subject() {
        return identity == null ? null : identity.subject();
    }

    public Optional<String> keyId() {
        return credential() == Credential.API_KEY ? Optional.of(identity.subject()) : Optional.empty();
    }

    /** The tenant this request acts on: the credential's own, or the one a platform admin chose. */
    public String tenantId() {
        return actingFor != null ? actingFor : homeTenantId();
    }

    /** The tenant the credential belongs to. */
    public String homeTenantId() {
        return identity == null ? null : identity.tenantId();
    }

    public Role role() {
        return identity == null ? null : identity.role();
    }

    public boolean has(Role required) {
        return identity != null && identity.role().includes(required);
    }

    public boolean isPlatformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    /** Empty means the role's full rights; otherwise the key is limited to these. */
    public Set<String> scopes() {
        return identity == null ? Set.of() : identity.scopes();
    }

    /** Whether the credential may use {@code scope}: a credential without scopes may use every one. */
    public boolean hasScope(String scope) {
        return scopes().isEmpty() || scopes().contains(scope);
    }

    public Environment environment() {
        return identity == null ? Environment.LIVE : identity.environment();
    }

    /** Tenant keys ({@code tk_…}) never act for another tenant. */
    public boolean isTenantBound() {
        return identity != null && identity.tenantBound();
    }

    /** The client's address as the transport resolved it (behind trusted proxies: the real client). */
    public InetAddress clientAddress() {
        return clientAddress;
    }

    /** The same, as text: what per-address counters are keyed by. */
    public String clientAddressText() {
        return clientAddress == null ? "unknown" : clientAddress.getHostAddress();
    }

    /** The key's owner in the tenant's own words ({@code external_id}), if it has one. */
    public Optional<String> externalId() {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.externalId());
    }

    /** The identity the key belongs to, if any: its requests are also charged to the identity's limits. */
    public Optional<String> identityId() {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.identityId());
    }

    /** The verified access token, for session callers. */
    public Optional<JsonWebToken> token() {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.token());
    }
}
