package dev.portcullis.security;

import dev.portcullis.allowlist.control.IpAllowlist;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.tenants.control.TenantView;
import jakarta.enterprise.context.RequestScoped;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the pipeline established it: filled in by the filters in order (authentication,
 * then tenant resolution), read by everything after them. Resources inject it to learn the effective
 * tenant, the environment and, for session callers, the verified {@link JsonWebToken}.
 */
@RequestScoped
public class Caller {

    public enum Credential { NONE, API_KEY, SESSION }

    private Credential credential = Credential.NONE;
    private String subject;
    private String homeTenantId;
    private String tenantId;
    private Role role;
    private Set<String> scopes = Set.of();
    private Environment environment = Environment.LIVE;
    private boolean tenantBound;
    private JsonWebToken token;
    private LimitOverride limitOverride = LimitOverride.NONE;
    private InetAddress clientAddress;
    private IpAllowlist keyAllowlist = IpAllowlist.NONE;
    private TenantView homeTenant;

    void apiKey(String keyId, String tenantId, Role role, Set<String> scopes, Environment environment, boolean tenantBound,
                LimitOverride limitOverride, IpAllowlist keyAllowlist) {
        this.limitOverride = limitOverride;
        this.keyAllowlist = keyAllowlist;
        this.credential = Credential.API_KEY;
        this.subject = keyId;
        this.homeTenantId = tenantId;
        this.tenantId = tenantId;
        this.role = role;
        this.scopes = scopes;
        this.environment = environment;
        this.tenantBound = tenantBound;
    }

    void session(JsonWebToken token, String userId, String tenantId, Role role, Environment environment) {
        this.credential = Credential.SESSION;
        this.subject = userId;
        this.homeTenantId = tenantId;
        this.tenantId = tenantId;
        this.role = role;
        this.environment = environment;
        this.token = token;
    }

    void from(InetAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    void homeTenant(TenantView homeTenant) {
        this.homeTenant = homeTenant;
    }

    void actFor(String tenantId) {
        this.tenantId = tenantId;
    }

    public boolean isAuthenticated() {
        return credential != Credential.NONE;
    }

    public Credential credential() {
        return credential;
    }

    /** The key id for API keys, the user id for sessions. */
    public String subject() {
        return subject;
    }

    public Optional<String> keyId() {
        return credential == Credential.API_KEY ? Optional.of(subject) : Optional.empty();
    }

    /** The tenant this request acts on: the caller's own, or the one a platform admin chose. */
    public String tenantId() {
        return tenantId;
    }

    /** The credential's own tenant as the tenant filter found it (null before that filter ran). */
    public TenantView homeTenant() {
        return homeTenant;
    }

    /** The tenant the credential belongs to. */
    public String homeTenantId() {
        return homeTenantId;
    }

    public Role role() {
        return role;
    }

    public boolean has(Role required) {
        return role != null && role.includes(required);
    }

    public boolean isPlatformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    /** Empty means the role's full rights; otherwise the key is limited to these. */
    public Set<String> scopes() {
        return scopes;
    }

    public Environment environment() {
        return environment;
    }

    /** Tenant keys ({@code tk_…}) never act for another tenant. */
    public boolean isTenantBound() {
        return tenantBound;
    }

    /** The key's own rate limits, if it has any. */
    public LimitOverride limitOverride() {
        return limitOverride;
    }

    /** The client's address as the transport filter resolved it (behind trusted proxies: the real client). */
    public InetAddress clientAddress() {
        return clientAddress;
    }

    /** The same, as text: what per-address counters are keyed by. */
    public String clientAddressText() {
        return clientAddress == null ? "unknown" : clientAddress.getHostAddress();
    }

    /** The key's own allowlist (empty: none). */
    public IpAllowlist keyAllowlist() {
        return keyAllowlist;
    }

    public Optional<JsonWebToken> token() {
        return Optional.ofNullable(token);
    }
}
