package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * A key restricted to certain routes (the MedTWIN seed's "Key restricted to certain endpoints"): in the
 * WAR it calls only those, and a gateway's question about a forwarded request is answered by that
 * request's method and path, however the gateway tells them.
 */
@PortcullisTest
class RouteRestrictedKeysIT {

    @Test
    void aRouteRestrictedKeyCallsOnlyItsRoutesHere(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"health only\",\"role\":\"admin\",\"allowed_routes\":[\"GET /v1/health\",\"* /v1/users/**\"]}").string("key");
        assertEquals(200, portcullis.get("/v1/health", key).status());
        assertEquals(200, portcullis.get("/v1/users", key).status());
        Reply refused = portcullis.get("/v1/keys", key);
        assertEquals(403, refused.status());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.errorCode());
        assertEquals("GET /v1/keys", refused.error().getString("route"));

        Reply malformed = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"allowed_routes\":[\"/v1/health\"]}");
        assertEquals(400, malformed.status());
        assertEquals("allowed_routes", malformed.error().getString("field"));
    }

    @Test
    void atTheGatewayTheForwardedRequestsRouteDecides(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"rubrics reader\",\"allowed_routes\":[\"GET /v1/rubrics/**\"]}").string("key");

        assertEquals(200, ask(portcullis, key, "GET", "/v1/auth/verify", "X-Original-Method", "GET", "X-Original-URI", "/v1/rubrics/42?x=1").status());
        Reply refused = ask(portcullis, key, "GET", "/v1/auth/verify", "X-Original-Method", "POST", "X-Original-URI", "/v1/rubrics/42");
        assertEquals(403, refused.status());
        assertEquals("POST /v1/rubrics/42", refused.error().getString("route"));
        Reply climbed = ask(portcullis, key, "GET", "/v1/auth/verify", "X-Original-Method", "GET", "X-Original-URI", "/v1/rubrics/..;/admin");
        assertEquals(403, climbed.status(), "a path the API behind would resolve to /v1/admin");
        assertEquals("GET /v1/rubrics/..;/admin", climbed.error().getString("route"));
        assertEquals(200, ask(portcullis, key, "GET", "/v1/auth/verify", "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/rubrics").status(),
                "Traefik's headers");
        assertEquals(200, ask(portcullis, key, "GET", "/v1/auth/verify/v1/rubrics/7").status(), "Envoy's appended path");
        assertEquals(403, ask(portcullis, key, "DELETE", "/v1/auth/verify/v1/rubrics/7").status());
        assertEquals(403, ask(portcullis, key, "GET", "/v1/auth/verify").status(), "a gateway that does not say is refused");
        assertEquals(200, ask(portcullis, tenant.adminKey(), "GET", "/v1/auth/verify").status(), "unrestricted keys need no route");
    }

    private static Reply ask(Portcullis portcullis, String key, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portcullis.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + key);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return portcullis.send(request.build());
    }
}
