package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server behind a proxy that speaks RFC 7239 ({@code HTTP_CLIENT_ADDRESS_HEADER=Forwarded}, the
 * proxy on loopback): client address and TLS come from {@code Forwarded}, and X-Forwarded-* are ignored.
 */
@DatabaseIndependent
class ForwardedHeaderIT {

    @RegisterExtension
    static final OwnServer BEHIND_A_FORWARDED_PROXY = OwnServer.withSettings("forwarded",
            Map.of("HTTP_TRUSTED_PROXIES", "127.0.0.1", "HTTP_CLIENT_ADDRESS_HEADER", "Forwarded"));

    private final Portcullis portcullis = BEHIND_A_FORWARDED_PROXY.portcullis();

    private String memberKeyOfATenantAllowing(String block) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"behind the proxy\",\"role\":\"member\"}").string("key");
        Reply set = portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{\"allowed_ips\":[\"" + block + "\"]}");
        assertEquals(200, set.status(), set.toString());
        return key;
    }

    @Test
    void theClientIsTheForwardedForNodeAndTheAllowlistIsCheckedAgainstIt() {
        String key = memberKeyOfATenantAllowing("203.0.113.0/24");
        Reply allowed = portcullis.get("/v1/health", key, "Forwarded", "for=\"203.0.113.9:51000\";proto=https;by=127.0.0.1");
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals("IP_NOT_ALLOWED", portcullis.get("/v1/health", key,
                "Forwarded", "for=198.51.100.1;proto=https").errorCode());
        assertEquals("IP_NOT_ALLOWED", portcullis.get("/v1/health", key,
                "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https").errorCode(),
                "X-Forwarded-For is not this server's header: the client is the proxy itself");
    }

    @Test
    void theNearestProxysProtoDecidesHttpsAndAHiddenClientIsRefused() {
        String key = memberKeyOfATenantAllowing("203.0.113.0/24");
        Reply plain = portcullis.get("/v1/health", key, "Forwarded", "for=203.0.113.9;proto=http");
        assertEquals(403, plain.status());
        assertEquals("HTTPS_REQUIRED", plain.errorCode());
        Reply hidden = portcullis.get("/v1/health", key, "Forwarded", "for=unknown;proto=https");
        assertEquals(400, hidden.status());
        assertEquals("INVALID_FORWARDING_HEADER", hidden.errorCode());
    }
}
