package dev.portcullis.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared server trusts loopback and 10.0.0.0/8 as proxies, so each request here presents its
 * client address in X-Forwarded-For and the client's TLS in X-Forwarded-Proto, as a TLS-terminating
 * load balancer would.
 */
@PortcullisTest
class IpAllowlistIT {

    private static final String PROTO = "X-Forwarded-Proto";

    private static Reply from(Portcullis portcullis, String key, String forwardedFor) {
        return portcullis.get("/v1/health", key, "X-Forwarded-For", forwardedFor, PROTO, "https");
    }

    private static void allowed(Portcullis portcullis, String key, String client) {
        Reply reply = from(portcullis, key, client);
        assertEquals(200, reply.status(), client + ": " + reply);
    }

    private static void denied(Portcullis portcullis, String key, String client) {
        Reply reply = from(portcullis, key, client);
        assertEquals(403, reply.status(), client + ": " + reply);
        assertEquals("IP_NOT_ALLOWED", reply.errorCode(), client);
    }

    private static void setTenantList(Portcullis portcullis, Portcullis.Tenant tenant, String json) {
        Reply set = portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), json);
        assertEquals(200, set.status(), set.toString());
    }

    @Test
    void theSeedsTenantAllowlistAdmitsItsBlocksEdgesIncluded(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply set = portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(),
                "{\"allowed_ips\":[\"192.168.1.0/24\",\"198.51.100.100\"]}");
        assertEquals(200, set.status());
        assertEquals(List.of("192.168.1.0/24", "198.51.100.100"), set.json().getJsonArray("allowed_ips")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        allowed(portcullis, tenant.adminKey(), "192.168.1.0");
        allowed(portcullis, tenant.adminKey(), "192.168.1.255");
        denied(portcullis, tenant.adminKey(), "192.168.0.255");
        denied(portcullis, tenant.adminKey(), "192.168.2.0");
        allowed(portcullis, tenant.adminKey(), "198.51.100.100");
        denied(portcullis, tenant.adminKey(), "198.51.100.101");
        denied(portcullis, tenant.adminKey(), "127.0.0.1");

        Reply read = portcullis.get("/v1/auth/ip-allowlist", tenant.adminKey(), "X-Forwarded-For", "192.168.1.7", PROTO, "https");
        assertEquals(2, read.json().getJsonArray("allowed_ips").size());
        assertEquals(204, portcullis.delete("/v1/auth/ip-allowlist", tenant.adminKey(), "X-Forwarded-For", "192.168.1.7", PROTO, "https").status());
        allowed(portcullis, tenant.adminKey(), "203.0.113.1");
    }

    @Test
    void aKeysOwnListAppliesOnTopOfTheTenants(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"pinned\",\"allowed_ips\":[\"203.0.113.5/32\"]}").string("key");
        allowed(portcullis, key, "203.0.113.5");
        denied(portcullis, key, "203.0.113.6");
        allowed(portcullis, tenant.adminKey(), "203.0.113.6");

        setTenantList(portcullis, tenant, "{\"allowed_ips\":[\"203.0.113.0/24\"]}");
        allowed(portcullis, key, "203.0.113.5");
        denied(portcullis, key, "203.0.113.6");
        denied(portcullis, tenant.adminKey(), "198.51.100.1");
        portcullis.delete("/v1/auth/ip-allowlist", portcullis.adminKey(), "X-Tenant-ID", tenant.id());
    }

    @Test
    void ipv6BlocksMatchCompressedAndExpandedFormsAndSingleAddressesAreSlash128(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String block = portcullis.newKey(tenant.adminKey(), "{\"name\":\"v6\",\"allowed_ips\":[\"2001:db8::/32\"]}").string("key");
        allowed(portcullis, block, "2001:0db8:0000:0000:0000:0000:0000:0001");
        allowed(portcullis, block, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
        denied(portcullis, block, "2001:db9::");
        Reply single = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"one\",\"allowed_ips\":[\"2001:0db8:0000:0000:0000:0000:0000:0042\"]}");
        assertEquals(List.of("2001:db8::42"), List.of(single.json().getJsonArray("allowed_ips").getString(0)));
        allowed(portcullis, single.string("key"), "2001:db8::42");
        denied(portcullis, single.string("key"), "2001:db8::43");
    }

    @Test
    void ipv4MappedIpv6AddressesCountAsIpv4(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"v4\",\"allowed_ips\":[\"203.0.113.0/24\"]}").string("key");
        allowed(portcullis, key, "::ffff:203.0.113.9");
        denied(portcullis, key, "::ffff:198.51.100.9");
    }

    @Test
    void behindProxiesTheRightmostUntrustedAddressIsTheClient(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"k\",\"allowed_ips\":[\"203.0.113.7\"]}").string("key");
        allowed(portcullis, key, "198.51.100.1, 203.0.113.7, 10.0.0.5");
        denied(portcullis, key, "203.0.113.7, 198.51.100.1");
    }

    @Test
    void invalidEntriesAre400NamingTheEntry(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (String bad : new String[] {"10.0.0.0/33", "300.1.1.1", "010.0.0.1", "fe80::1%eth0", "10.0.0.1/24", "example.com"}) {
            Reply tenantList = portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{\"allowed_ips\":[\"" + bad + "\"]}");
            assertEquals(400, tenantList.status(), bad);
            assertTrue(tenantList.error().getString("message").contains(bad), tenantList.toString());
            assertEquals("allowed_ips", tenantList.error().getString("field"));
            Reply keyList = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"allowed_ips\":[\"" + bad + "\"]}");
            assertEquals(400, keyList.status(), bad);
        }
        assertEquals(400, portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{}").status());
        assertEquals(400, portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{\"allowed_ips\":\"10.0.0.1\"}").status());
    }

    @Test
    void junkInTheForwardingHeadersFromATrustedProxyIs400(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply junk = from(portcullis, tenant.adminKey(), "203.0.113.7, not-an-address");
        assertEquals(400, junk.status());
        assertEquals("INVALID_FORWARDING_HEADER", junk.errorCode());
        Reply proto = portcullis.get("/v1/health", tenant.adminKey(), "X-Forwarded-Proto", "gopher");
        assertEquals(400, proto.status());
    }

    @Test
    void plainHttpThroughAProxyIsRefusedAndHttpsCarriesHsts(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply plain = portcullis.get("/v1/health", tenant.adminKey(), "X-Forwarded-For", "203.0.113.20", "X-Forwarded-Proto", "http");
        assertEquals(403, plain.status());
        assertEquals("HTTPS_REQUIRED", plain.errorCode());
        Reply tls = portcullis.get("/v1/health", tenant.adminKey(), "X-Forwarded-For", "203.0.113.20", "X-Forwarded-Proto", "https");
        assertEquals(200, tls.status());
        assertEquals("max-age=31536000; includeSubDomains", tls.header("Strict-Transport-Security"));
        Reply local = portcullis.get("/v1/health", tenant.adminKey());
        assertEquals(200, local.status(), "loopback clients are exempt by default");
        assertEquals(null, local.header("Strict-Transport-Security"));
    }
}
