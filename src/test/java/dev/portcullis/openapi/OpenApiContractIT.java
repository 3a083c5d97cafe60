package dev.portcullis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisApplication;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Unauthenticated;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server serves and the server itself agree: the document is the built
 * {@code META-INF/openapi.yaml} as written, it documents every JAX-RS route of the WAR and no other,
 * with the role and scope each resource method requires, and real answers across the API, successes
 * and errors, have a documented status, the documented required headers, no undocumented header of
 * the API's own, and a body valid against the documented schema with no field the schema does not name.
 */
@PortcullisTest
class OpenApiContractIT {

    /**
     * Routes of the WAR that are not API and so not in the document, each with the reason. Nothing
     * under /v1 or /.well-known may be here.
     */
    private static final Map<String, String> NOT_API = Map.of(
            "/console", "the web console: static files for browsers, served by a JAX-RS resource");

    private static final Pattern ROLE = Pattern.compile("Role: `([a-z_]+)`\\.");
    private static final Pattern SCOPE = Pattern.compile("Scope: `([a-z_:-]+)`\\.");

    private static OpenApiDocument served;
    private static String servedJson;

    @BeforeAll
    static void readTheServedDocument(Portcullis portcullis) {
        Reply json = portcullis.get("/openapi?format=json", null);
        assertEquals(200, json.status(), json.body());
        servedJson = json.body();
        served = OpenApiDocument.fromJson(servedJson);
    }

    @Test
    void theServedDocumentIsTheBuiltFileAsWrittenInYamlAndInJson(Portcullis portcullis) {
        String built = resource("META-INF/openapi.yaml");
        assertEquals(OpenApiDocument.yamlTree(built), served.tree(), "JSON (?format=json) differs from the built file");

        Reply yaml = portcullis.get("/openapi", null);
        assertEquals(200, yaml.status());
        assertEquals(OpenApiDocument.yamlTree(built), OpenApiDocument.yamlTree(yaml.body()), "YAML (the default) differs from the built file");

        Reply accepted = portcullis.get("/openapi", null, "Accept", "application/json");
        assertEquals("application/json", accepted.header("Content-Type"));
        assertEquals(served.tree(), OpenApiDocument.fromJson(accepted.body()).tree());

        String version = portcullis.get("/v1/health", null).string("version");
        assertEquals(version, served.tree().at("/info/version").asString(), "the document's version is the running WAR's");
        assertEquals("Portcullis", served.tree().at("/info/title").asString());
    }

    @Test
    void everyRouteOfTheWarIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> declared = new TreeSet<>();
        for (JaxRsRoutes.Route route : JaxRsRoutes.besides(PortcullisApplication.class)) {
            if (NOT_API.keySet().stream().anyMatch(prefix -> route.path().equals(prefix) || route.path().startsWith(prefix + "/"))) {
                assertFalse(route.path().startsWith("/v1/") || route.path().startsWith("/.well-known/"), route.route());
                continue;
            }
            declared.add(route.route());
        }
        Set<String> documented = served.operations().stream().map(OpenApiDocument.Operation::route)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(declared);
        assertTrue(undocumented.isEmpty(), "routes of the WAR that the document does not have: " + undocumented);
        assertTrue(missing.isEmpty(), "documented routes that the WAR does not have: " + missing);
        assertTrue(declared.contains("GET /v1/auth/verify/{}") && declared.contains("GET /v1/auth/verify"),
                "the verification's regular-expression template stands for both routes");
    }

    @Test
    void eachOperationNamesTheRoleScopeAndCredentialItsResourceMethodRequires() {
        Map<String, JaxRsRoutes.Route> routes = new TreeMap<>();
        JaxRsRoutes.besides(PortcullisApplication.class).forEach(route -> routes.put(route.route(), route));
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation operation : served.operations()) {
            JaxRsRoutes.Route route = routes.get(operation.route());
            if (route == null) {
                continue; // the route test names it
            }
            Method method = route.resourceMethod();
            String description = operation.node().path("description").asString("");
            String role = first(ROLE, description);
            String scope = first(SCOPE, description);
            if (!equal(role, roleOf(method))) {
                problems.add(operation.route() + ": documents role " + role + ", the method requires " + roleOf(method));
            }
            if (!equal(scope, scopeOf(method))) {
                problems.add(operation.route() + ": documents scope " + scope + ", the method requires " + scopeOf(method));
            }
            boolean open = operation.node().path("security").isEmpty();
            if (open != method.isAnnotationPresent(Unauthenticated.class)) {
                problems.add(operation.route() + ": documents " + (open ? "no credential" : "a credential")
                        + ", the method is " + (open ? "not " : "") + "@Unauthenticated");
            }
            if (operation.node().path("summary").asString("").isBlank() || operation.node().path("operationId").asString("").isBlank()) {
                problems.add(operation.route() + ": no summary or operationId");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void successfulAnswersAcrossTheApiMatchTheDocument(Portcullis portcullis) {
        Exchanges api = new Exchanges(portcullis);
        String platform = portcullis.adminKey();

        api.expect(200, "GET", "/v1/health", null, null);
        api.expect(200, "GET", "/v1/health", platform, null);

        String tenant = api.expect(201, "POST", "/v1/tenants", platform,
                "{\"name\":\"Contract tenant\",\"plan\":\"enterprise\",\"rate_limit\":{\"per_minute\":1000,\"per_day\":100000}}").string("id");
        api.expect(200, "GET", "/v1/tenants/" + tenant, platform, null);
        api.expect(200, "GET", "/v1/tenants?limit=1", platform, null);
        api.expect(200, "PATCH", "/v1/tenants/" + tenant, platform, "{\"name\":\"Contract tenant, renamed\"}");

        String admin = api.expect(201, "POST", "/v1/keys", platform, "{\"name\":\"tenant admin\",\"role\":\"admin\"}",
                "X-Tenant-ID", tenant).string("key");
        Reply worker = api.expect(201, "POST", "/v1/keys", admin, "{\"name\":\"worker\",\"role\":\"member\",\"type\":\"tenant\","
                + "\"scopes\":[\"files:read\",\"orders:read\"],\"expires_at\":\"2099-01-01T00:00:00Z\","
                + "\"allowed_ips\":[\"127.0.0.1\",\"::1\",\"10.0.0.0/8\"],\"rate_limit\":{\"per_minute\":100,\"per_day\":null}}");
        String workerId = worker.string("id");
        api.expect(200, "GET", "/v1/files", worker.string("key"), null);
        api.expect(200, "GET", "/v1/keys?limit=2", admin, null);
        api.expect(200, "GET", "/v1/keys/" + workerId, admin, null);
        api.expect(200, "PATCH", "/v1/keys/" + workerId, admin, "{\"name\":\"worker 2\",\"scopes\":[]}");
        Reply rolled = api.expect(200, "POST", "/v1/keys/" + workerId + "/roll", admin, "{\"grace_period_seconds\":60}");
        assertNotNull(rolled.string("previous_key_valid_until"));
        api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"" + rolled.string("key") + "\",\"client_ip\":\"127.0.0.1\"}");
        Reply refused = api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"sk_live_not-a-key\"}");
        assertEquals("INVALID_API_KEY", refused.string("code"));
        api.expect(204, "DELETE", "/v1/keys/" + workerId, admin, null);
        assertNotNull(api.expect(200, "GET", "/v1/keys/" + workerId, admin, null).string("revoked_at"));

        // Keys that carry a business: an identity, and a key in it with an owner, metadata, named limits,
        // credits and allowed routes.
        String identity = api.expect(201, "POST", "/v1/identities", admin, "{\"external_id\":\"cus_contract\","
                + "\"meta\":{\"plan\":\"gold\",\"seats\":3},\"rate_limit\":{\"per_minute\":500,\"per_day\":null},"
                + "\"rate_limits\":[{\"name\":\"tokens\",\"limit\":100000,\"duration\":\"PT1H\"}]}").string("id");
        api.expect(200, "GET", "/v1/identities?external_id=cus_contract&limit=1", admin, null);
        api.expect(200, "GET", "/v1/identities?limit=1", admin, null);
        api.expect(200, "GET", "/v1/identities/" + identity, admin, null);
        api.expect(200, "PATCH", "/v1/identities/" + identity, admin,
                "{\"meta\":{\"plan\":\"platinum\"},\"rate_limit\":{\"per_minute\":400,\"per_day\":40000},\"rate_limits\":[]}");
        String spare = api.expect(201, "POST", "/v1/identities", admin, "{\"external_id\":\"cus_spare\"}").string("id");
        api.expect(200, "PATCH", "/v1/identities/" + spare, admin, "{\"external_id\":\"cus_spare_2\"}");
        api.expect(204, "DELETE", "/v1/identities/" + spare, admin, null);

        Reply business = api.expect(201, "POST", "/v1/keys", admin, "{\"name\":\"business\",\"identity_id\":\"" + identity + "\","
                + "\"external_id\":\"cus_contract\",\"meta\":{\"team\":\"billing\",\"tier\":2},"
                + "\"rate_limits\":[{\"name\":\"tokens\",\"limit\":1000,\"duration\":\"PT1M\"}],"
                + "\"credits\":{\"remaining\":100,\"refill\":{\"interval\":\"monthly\",\"amount\":100,\"day_of_month\":1}},"
                + "\"allowed_routes\":[\"GET /v1/health\",\"* /v1/orders/**\"]}");
        String businessId = business.string("id");
        String businessKey = business.string("key");
        assertNotNull(business.json().getJsonObject("credits"));
        assertNotNull(api.expect(200, "GET", "/v1/health", businessKey, null).header("X-Credits-Remaining"));
        Reply forwarded = api.expect(200, "GET", "/v1/auth/verify?cost=2", businessKey, null,
                "X-Original-Method", "POST", "X-Original-URI", "/v1/orders/42");
        assertEquals(identity, forwarded.header("X-Portcullis-Identity-ID"));
        assertEquals("cus_contract", forwarded.header("X-Portcullis-External-ID"));
        Reply verdict = api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"" + businessKey + "\",\"cost\":2,"
                + "\"rate_limits\":[{\"name\":\"tokens\",\"cost\":10}],\"method\":\"POST\",\"path\":\"/v1/orders/42\"}");
        assertEquals(identity, verdict.string("identity_id"));
        assertNotNull(verdict.json().getJsonObject("credits"));
        api.expect(200, "GET", "/v1/keys?external_id=cus_contract", admin, null);
        api.expect(200, "GET", "/v1/keys/" + businessId, admin, null);
        api.expect(200, "PATCH", "/v1/keys/" + businessId, admin, "{\"enabled\":false,\"external_id\":\"cus_other\","
                + "\"meta\":{\"team\":\"sales\"},\"credits\":{\"remaining\":5,\"refill\":{\"interval\":\"daily\",\"amount\":50}},"
                + "\"rate_limits\":[],\"allowed_routes\":[\"* /v1/**\"]}");
        api.expect(200, "PATCH", "/v1/keys/" + businessId, admin, "{\"enabled\":true}");
        assertEquals(15, api.expect(200, "POST", "/v1/keys/" + businessId + "/credits", admin, "{\"add\":10}")
                .json().getJsonObject("credits").getInt("remaining"));
        assertFalse(api.expect(200, "DELETE", "/v1/keys/" + businessId + "/credits", admin, null).json().containsKey("credits"));
        assertFalse(api.expect(200, "PATCH", "/v1/keys/" + businessId, admin, "{\"identity_id\":\"\"}").json()
                .containsKey("identity_id"), "\"\" takes the key out of its identity");

        // The audit trail of all this: the tenant admin's, filtered and paged, and the platform admin's.
        Reply trail = api.expect(200, "GET", "/v1/audit-events?limit=3", admin, null);
        assertFalse(trail.data().isEmpty(), "the sample's own changes are in the trail");
        api.expect(200, "GET", "/v1/audit-events?cursor=" + trail.string("next_cursor") + "&limit=3", admin, null);
        Reply created = api.expect(200, "GET", "/v1/audit-events?action=key.created&target=" + businessId
                + "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", admin, null);
        assertEquals(1, created.data().size(), created.body());
        api.expect(200, "GET", "/v1/audit-events?actor=" + business.string("id") + "&limit=1", admin, null);
        api.expect(200, "GET", "/v1/audit-events?limit=5", platform, null);
        api.expect(200, "GET", "/v1/audit-events?tenant_id=" + tenant + "&action=identity.deleted", platform, null);
        api.expect(200, "GET", "/v1/audit-events?action=login.failed&limit=2", platform, null, "X-Tenant-ID", tenant);

        String user = api.expect(201, "POST", "/v1/users", admin,
                "{\"email\":\"ada@contract.test\",\"password\":\"a long passphrase\",\"role\":\"admin\"}").string("id");
        api.expect(200, "GET", "/v1/users", admin, null);
        api.expect(200, "GET", "/v1/users/" + user, admin, null);
        api.expect(200, "PATCH", "/v1/users/" + user, admin, "{\"role\":\"member\",\"disabled\":false}");
        Reply login = api.expect(200, "POST", "/v1/auth/login", null,
                "{\"email\":\"ada@contract.test\",\"password\":\"a long passphrase\",\"tenant_id\":\"" + tenant + "\"}");
        Reply refreshed = api.expect(200, "POST", "/v1/auth/refresh", null, "{\"refresh_token\":\"" + login.string("refresh_token") + "\"}");
        String session = refreshed.string("access_token");
        String file = api.expect(201, "POST", "/v1/files", session, "{\"name\":\"notes.txt\",\"content_type\":\"text/plain; charset=utf-8\","
                + "\"content\":\"hello\"}").string("id");
        api.expect(200, "GET", "/v1/files?limit=1", session, null);
        assertEquals("hello", api.expect(200, "GET", "/v1/files/" + file, session, null).string("content"));
        api.expect(204, "DELETE", "/v1/files/" + file, session, null);
        api.expect(204, "POST", "/v1/auth/logout", session, null);
        api.expect(204, "DELETE", "/v1/users/" + user, admin, null);

        api.expect(200, "GET", "/v1/auth/jwks", null, null);
        api.expect(200, "GET", "/.well-known/jwks.json", null, null);

        api.expect(200, "GET", "/v1/auth/ip-allowlist", admin, null);
        api.expect(200, "POST", "/v1/auth/ip-allowlist", admin, "{\"allowed_ips\":[\"127.0.0.1\",\"::1\",\"10.0.0.0/8\"]}");
        api.expect(204, "DELETE", "/v1/auth/ip-allowlist", admin, null);

        api.expect(200, "GET", "/v1/plans", admin, null);
        api.expect(200, "GET", "/v1/plans/standard", admin, null);
        String plan = "contract-" + Long.toString(System.nanoTime(), 36);
        api.expect(201, "POST", "/v1/plans", platform, "{\"name\":\"" + plan + "\",\"per_minute\":10,\"per_day\":1000}");
        api.expect(200, "PATCH", "/v1/plans/" + plan, platform, "{\"per_day\":2000}");

        Reply usage = api.expect(200, "GET", "/v1/usage", admin, null);
        assertFalse(usage.data().isEmpty(), "the sample's own requests are in the usage report");
        api.expect(200, "POST", "/v1/test-clock", platform, "{\"seconds\":0}");
    }

    @Test
    void webhookAnswersMatchTheDocument(Portcullis portcullis) {
        Exchanges api = new Exchanges(portcullis);
        var tenant = portcullis.newTenant();
        // Port 9 on loopback (allowed on the test server) refuses connections: the test delivery is retried until the delete.
        String webhook = api.expect(201, "POST", "/v1/webhooks", tenant.adminKey(),
                "{\"url\":\"http://127.0.0.1:9/contract\",\"events\":[\"key.created\",\"quota.threshold\"]}").string("id");
        api.expect(200, "GET", "/v1/webhooks?limit=1", tenant.adminKey(), null);
        api.expect(200, "GET", "/v1/webhooks/" + webhook, tenant.adminKey(), null);
        api.expect(200, "PATCH", "/v1/webhooks/" + webhook, tenant.adminKey(), "{\"enabled\":false}");
        api.expect(202, "POST", "/v1/webhooks/" + webhook + "/test", tenant.adminKey(), null);
        api.expect(200, "GET", "/v1/webhooks/" + webhook + "/deliveries", tenant.adminKey(), null);
        api.expect(204, "DELETE", "/v1/webhooks/" + webhook, tenant.adminKey(), null);
        api.expect(400, "POST", "/v1/webhooks", tenant.adminKey(), "{\"url\":\"ftp://127.0.0.1/\",\"events\":[\"key.created\"]}");
        api.expect(404, "GET", "/v1/webhooks/" + webhook, tenant.adminKey(), null);
    }

    @Test
    void errorAnswersMatchTheDocument(Portcullis portcullis) {
        Exchanges api = new Exchanges(portcullis);
        var tenant = portcullis.newTenant();
        String admin = tenant.adminKey();
        String member = portcullis.newKey(admin, "{\"name\":\"member\",\"role\":\"member\"}").string("key");
        String scoped = portcullis.newKey(admin, "{\"name\":\"files only\",\"role\":\"admin\",\"scopes\":[\"files:read\"]}").string("key");

        assertEquals("INVALID_API_KEY", api.expect(401, "GET", "/v1/keys", "sk_live_not-a-key", null).errorCode());
        assertEquals("INVALID_API_KEY", api.expect(401, "GET", "/v1/keys", null, null).errorCode());
        assertEquals("INVALID_TOKEN", api.expect(401, "GET", "/v1/keys", "e30.e30.e30", null).errorCode());
        assertEquals("INVALID_CREDENTIALS", api.expect(401, "POST", "/v1/auth/login", null,
                "{\"email\":\"nobody@contract.test\",\"password\":\"wrong\",\"tenant_id\":\"" + tenant.id() + "\"}").errorCode());
        assertEquals("INVALID_REFRESH_TOKEN", api.expect(401, "POST", "/v1/auth/refresh", null,
                "{\"refresh_token\":\"rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}").errorCode());

        assertEquals("admin", api.expect(403, "POST", "/v1/keys", member, "{\"name\":\"x\"}").error().getString("required_role"));
        assertEquals("keys:read", api.expect(403, "GET", "/v1/keys", scoped, null).error().getString("required_scope"));
        assertEquals("platform_admin", api.expect(403, "GET", "/v1/keys", admin, null, "X-Tenant-ID", tenant.id())
                .error().getString("required_role"));

        assertEquals("NOT_FOUND", api.expect(404, "GET", "/v1/keys/key_00000000000000000000", admin, null).errorCode());
        assertEquals("NOT_FOUND", api.expect(404, "GET", "/v1/health", portcullis.adminKey(), null,
                "X-Tenant-ID", "tenant_doesnotexist").errorCode());

        Reply invalid = api.expect(400, "POST", "/v1/keys", admin, "{\"name\":\"x\",\"role\":\"king\"}");
        assertEquals("VALIDATION_FAILED", invalid.errorCode());
        assertEquals("role", invalid.error().getString("field"));
        assertEquals("limit", api.expect(400, "GET", "/v1/keys?limit=ten", admin, null).error().getString("field"));
        assertEquals("MALFORMED_REQUEST", api.expect(400, "POST", "/v1/keys", admin, "{\"name\":").errorCode());
        assertEquals("colour", api.expect(400, "POST", "/v1/keys", admin, "{\"name\":\"x\",\"colour\":\"red\"}")
                .error().getString("field"));

        api.expect(201, "POST", "/v1/users", admin, "{\"email\":\"twice@contract.test\",\"password\":\"a long passphrase\"}");
        assertEquals("CONFLICT", api.expect(409, "POST", "/v1/users", admin,
                "{\"email\":\"TWICE@contract.test\",\"password\":\"a long passphrase\"}").errorCode());

        // Keys that carry a business: out of credits, disabled, outside their routes; identities in use.
        String metered = portcullis.newKey(admin, "{\"name\":\"one credit\",\"credits\":{\"remaining\":1}}").string("key");
        api.expect(200, "GET", "/v1/health", metered, null);
        assertEquals("USAGE_EXCEEDED", api.expect(402, "GET", "/v1/health", metered, null).errorCode());
        Reply refilled = portcullis.newKey(admin, "{\"name\":\"refilled\",\"credits\":{\"remaining\":0,"
                + "\"refill\":{\"interval\":\"daily\",\"amount\":10}}}");
        Reply waiting = api.expect(402, "GET", "/v1/health", refilled.string("key"), null);
        assertNotNull(waiting.error().getJsonNumber("refill_at"));
        assertEquals("USAGE_EXCEEDED", api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"" + metered + "\"}")
                .string("code"));
        Reply disabled = portcullis.newKey(admin, "{\"name\":\"disabled\"}");
        api.expect(200, "PATCH", "/v1/keys/" + disabled.string("id"), admin, "{\"enabled\":false}");
        assertEquals("KEY_DISABLED", api.expect(403, "GET", "/v1/health", disabled.string("key"), null).errorCode());
        assertEquals("KEY_DISABLED", api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"" + disabled.string("key") + "\"}")
                .string("code"));
        String routed = portcullis.newKey(admin, "{\"name\":\"health only\",\"role\":\"admin\",\"allowed_routes\":[\"GET /v1/health\"]}")
                .string("key");
        assertEquals("GET /v1/keys", api.expect(403, "GET", "/v1/keys", routed, null).error().getString("route"));
        assertEquals("INSUFFICIENT_PERMISSIONS", api.expect(200, "POST", "/v1/keys/verify", admin, "{\"key\":\"" + routed
                + "\",\"method\":\"DELETE\",\"path\":\"/v1/health\"}").string("code"));
        assertNotNull(api.expect(403, "GET", "/v1/auth/verify", routed, null, "X-Original-Method", "DELETE",
                "X-Original-URI", "/v1/orders/1").header("X-Portcullis-Error"));
        String identity = api.expect(201, "POST", "/v1/identities", admin, "{\"external_id\":\"in use\"}").string("id");
        portcullis.newKey(admin, "{\"name\":\"member of it\",\"identity_id\":\"" + identity + "\"}");
        assertEquals("CONFLICT", api.expect(409, "DELETE", "/v1/identities/" + identity, admin, null).errorCode());
        assertEquals("CONFLICT", api.expect(409, "POST", "/v1/identities", admin, "{\"external_id\":\"in use\"}").errorCode());
        assertEquals("external_id", api.expect(400, "POST", "/v1/identities", admin, "{\"meta\":{}}").error().getString("field"));
        assertEquals("NOT_FOUND", api.expect(404, "GET", "/v1/identities/identity_00000000000000000000", admin, null).errorCode());
        assertEquals("add", api.expect(400, "POST", "/v1/keys/" + disabled.string("id") + "/credits", admin, "{\"add\":5}")
                .error().getString("field"));
        assertEquals("from", api.expect(400, "GET", "/v1/audit-events?from=yesterday", admin, null).error().getString("field"));
        assertEquals("platform_admin", api.expect(403, "GET", "/v1/audit-events?tenant_id=tenant_other", admin, null)
                .error().getString("required_role"));

        String large = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertEquals(65536, api.expect(413, "POST", "/v1/keys", admin, large).error().getInt("max_bytes"));
        HttpRequest plainText = HttpRequest.newBuilder(portcullis.uri("/v1/keys")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name")).build();
        assertEquals("UNSUPPORTED_MEDIA_TYPE", api.expect(415, plainText, "name").errorCode());
    }

    @Test
    void rateLimitRefusalsCarryTheirDocumentedHeaders(Portcullis portcullis) {
        Exchanges api = new Exchanges(portcullis);
        var tenant = portcullis.newTenant();
        String once = portcullis.newKey(tenant.adminKey(), "{\"name\":\"once a minute\",\"rate_limit\":{\"per_minute\":1}}").string("key");

        api.expect(200, "GET", "/v1/health", once, null);
        Reply refused = api.expect(429, "GET", "/v1/health", once, null);
        assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals(refused.header("Retry-After"), Long.toString(refused.error().getJsonNumber("retry_after").longValue()));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));

        Reply atTheGateway = api.expect(429, "GET", "/v1/auth/verify", once, null);
        assertNotNull(atTheGateway.header("X-Portcullis-Error"), "a gateway that drops bodies still gets the refusal");
    }

    @Test
    void gatewayVerificationAnswersMatchTheDocument(Portcullis portcullis) {
        Exchanges api = new Exchanges(portcullis);
        var tenant = portcullis.newTenant();
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"member\",\"role\":\"member\",\"scopes\":[\"orders:read\"]}")
                .string("key");

        Reply yes = api.expect(200, "GET", "/v1/auth/verify?role=member&scope=orders:read", member, null);
        assertEquals(tenant.id(), yes.header("X-Portcullis-Tenant-ID"));
        assertEquals("orders:read", yes.header("X-Portcullis-Scopes"));
        api.expect(200, "POST", "/v1/auth/verify/orders", member, null);
        api.expect(200, "OPTIONS", "/v1/auth/verify", member, null);
        api.expect(200, "DELETE", "/v1/auth/verify/orders", member, null);

        Reply belowRole = api.expect(403, "PUT", "/v1/auth/verify?role=admin", member, null);
        assertEquals("admin", belowRole.error().getString("required_role"));
        assertNotNull(belowRole.header("X-Portcullis-Error"));
        assertEquals("orders:write", api.expect(403, "PATCH", "/v1/auth/verify?scope=orders:write", member, null)
                .error().getString("required_scope"));
        assertEquals("INVALID_API_KEY", api.expect(401, "GET", "/v1/auth/verify", null, null).errorCode());
        assertEquals("role", api.expect(400, "GET", "/v1/auth/verify?role=king", member, null).error().getString("field"));
    }

    /** Requests through the shared client, each answer checked against the served document on arrival. */
    private static final class Exchanges {

        private final Portcullis portcullis;

        Exchanges(Portcullis portcullis) {
            this.portcullis = portcullis;
        }

        Reply expect(int status, String method, String path, String key, String json, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(portcullis.uri(path)).timeout(Duration.ofSeconds(60))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return expect(status, request.build(), json);
        }

        Reply expect(int status, HttpRequest request, String body) {
            Reply reply = portcullis.send(request);
            String exchange = request.method() + " " + request.uri().getPath() + " -> " + reply;
            assertEquals(status, reply.status(), exchange);
            List<String> problems = served.problemsWith(request.method(), request.uri().getPath(), body, reply.status(),
                    reply.headers(), reply.body());
            assertTrue(problems.isEmpty(), () -> exchange + "\n" + String.join("\n", problems));
            return reply;
        }
    }

    private static String roleOf(Method method) {
        if (method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(Unauthenticated.class)) {
            return null;
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return roles == null ? null : String.join(",", roles.value());
    }

    private static String scopeOf(Method method) {
        RequiresScope scope = method.isAnnotationPresent(RequiresScope.class) ? method.getAnnotation(RequiresScope.class)
                : method.getDeclaringClass().getAnnotation(RequiresScope.class);
        return scope == null ? null : scope.value();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiContractIT.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
