package dev.portcullis.gateway.boundary;

import dev.portcullis.access.Caller;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Scopes;
import dev.portcullis.errors.ApiFailure;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.net.Cidr;
import dev.portcullis.pipeline.Admission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /v1/keys/verify}: a backend that was handed a key by its client asks, with a key of its
 * own, whether that key may make this request; the key's request is charged. A key restricted to certain
 * routes is valid only for the {@code method} and {@code path} the backend names, as at a gateway. The answer is always 200
 * with a verdict (the backend's own call succeeded), except when the counter store fails (503, as for any
 * request). The backend's own rate-limit headers are on the response; the verified key's state is in the
 * body. A platform admin's secret key verifies keys of every tenant, or of the one it names in
 * {@code X-Tenant-ID}; any other key only those of its own tenant.
 */
@Path("v1/keys/verify")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeyVerificationResource {

    @Inject
    Caller caller;

    @Inject
    Admission admission;

    @POST
    @RolesAllowed("admin")
    @RequiresScope(Scopes.KEYS_VERIFY)
    public KeyVerdict verify(@NotNull(message = "is required") @Valid KeyToVerify body) {
        String key = body.key();
        InetAddress client = body.clientIp() == null ? null : clientAddress(body.clientIp());
        boolean everyTenant = caller.isPlatformAdmin() && !caller.isTenantBound()
                && caller.tenantId().equals(caller.homeTenantId());
        try {
            Map<String, Long> named = new HashMap<>();
            if (body.rateLimits() != null) {
                body.rateLimits().forEach(spend -> named.merge(spend.name(), spend.cost() == null ? 1 : spend.cost(), Long::sum));
            }
            var admitted = admission.admitKey(key, everyTenant ? null : caller.tenantId(), caller.environment(), client,
                    body.method(), body.path(), body.cost() == null ? 1 : body.cost(), named);
            return admitted.withinLimits() ? KeyVerdict.valid(admitted)
                    : KeyVerdict.refused(Admission.refusal(admitted.decision()), admitted.decision());
        } catch (ApiFailure refusal) {
            if (refusal.status() >= 500) {
                throw refusal;
            }
            return KeyVerdict.refused(refusal, null);
        }
    }

    private static InetAddress clientAddress(String text) {
        try {
            return Cidr.address(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("client_ip", "client_ip must be an IPv4 or IPv6 address: " + e.getMessage());
        }
    }
}
