package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.net.Cidr;
import dev.portcullis.net.Forwarding;
import dev.portcullis.net.IpAllowlist;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First of all: who the client is (behind trusted proxies, the real client) and whether it came over
 * HTTPS. Plain HTTP is refused with 403 {@code HTTPS_REQUIRED} before any credential is looked at,
 * unless the client is on loopback and {@code http.https.exempt-loopback} allows it (the default, so
 * a local start can be curled). HTTPS responses carry HSTS.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(FilterOrder.TRANSPORT)
public class TransportFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "http.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "http.client-address-header", defaultValue = "X-Forwarded-For")
    String addressHeader;

    @Inject
    @ConfigProperty(name = "http.https-only", defaultValue = "true")
    boolean httpsOnly;

    @Inject
    @ConfigProperty(name = "http.https.exempt-loopback", defaultValue = "true")
    boolean exemptLoopback;

    @Inject
    @ConfigProperty(name = "http.hsts", defaultValue = "max-age=31536000; includeSubDomains")
    String hsts;

    private Forwarding forwarding;

    @PostConstruct
    void readTrustedProxies() {
        List<String> proxies = trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        forwarding = new Forwarding(IpAllowlist.fromRequest("http.trusted-proxies", proxies), addressHeader);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Passage passage = Passage.of(request);
        InetAddress peer = Cidr.address(passage.peer);
        InetAddress client = forwarding.client(peer, request.getHeaders().get(addressHeader));
        boolean secure = forwarding.secure(request.getSecurityContext().isSecure(), peer,
                request.getHeaders().get(forwarding.protoHeader()));
        caller.arrivedFrom(client);
        passage.secure = secure;
        if (httpsOnly && !secure && !(exemptLoopback && client.isLoopbackAddress())) {
            throw new HttpsRequired();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Passage.of(request).secure && !hsts.isBlank()) {
            response.getHeaders().putSingle("Strict-Transport-Security", hsts);
        }
    }
}
