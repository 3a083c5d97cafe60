package dev.portcullis.pipeline;

import jakarta.ws.rs.Priorities;

/**
 * The order of the pipeline's filters, in this one place; each filter's {@code @Priority} names its
 * step. The two pre-matching steps run before JAX-RS picks a resource method, the others after it, in
 * this order:
 * <ol>
 * <li>{@link TransportFilter}: who the client is behind trusted proxies, HTTPS only, HSTS;</li>
 * <li>{@link BodySizeFilter}: bodies over the limit are refused before anything reads them;</li>
 * <li>{@link AuthenticationFilter}: {@code Authorization: Bearer} with an API key or a JWT;</li>
 * <li>{@link TenantFilter}: the credential's tenant must be active; {@code X-Tenant-ID} for platform admins;</li>
 * <li>{@link RouteFilter}: a key restricted to certain routes calls only those;</li>
 * <li>{@link AllowlistFilter}: the client's address on the tenant's and the key's allowlists;</li>
 * <li>{@link RateLimitFilter}: the charge ({@code @Cost}), and the rate-limit headers on the answer;</li>
 * <li>{@link AccessControl}: {@code @RolesAllowed}, {@code @DenyAll}, {@code @RequiresScope};</li>
 * <li>{@link OutcomeFilter}: admitted; and on the way out, the answer counted by outcome.</li>
 * </ol>
 * Steps 3 to 7 are {@link Admission}'s, which the gateway endpoints call too.
 */
final class FilterOrder {

    static final int TRANSPORT = Priorities.AUTHENTICATION - 300;
    static final int BODY_SIZE = Priorities.AUTHENTICATION - 200;
    static final int AUTHENTICATION = Priorities.AUTHENTICATION;
    static final int TENANT = Priorities.AUTHENTICATION + 100;
    static final int ROUTE = Priorities.AUTHENTICATION + 150;
    static final int ALLOWLIST = Priorities.AUTHENTICATION + 200;
    static final int RATE_LIMIT = Priorities.AUTHENTICATION + 300;
    static final int AUTHORIZATION = Priorities.AUTHORIZATION;
    static final int ADMITTED = Priorities.USER;

    private FilterOrder() {
    }
}
