package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets a 4xx in the one envelope: never a 500, an HTML page or a stack trace. */
@PortcullisTest
class ErrorEnvelopeIT {

    @Test
    void malformedJsonIs400(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        assertEnvelope(400, "MALFORMED_REQUEST", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":"));
        assertEnvelope(400, "MALFORMED_REQUEST", portcullis.post("/v1/keys", tenant.adminKey(), "[1,2]"));
        assertEnvelope(400, "MALFORMED_REQUEST", portcullis.post("/v1/keys", tenant.adminKey(), "not json"));
    }

    @Test
    void aMissingBodyIs400(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply reply = portcullis.send("POST", "/v1/keys", tenant.adminKey(), null, "Content-Type", "application/json");
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorCode().equals("MALFORMED_REQUEST") || reply.errorCode().equals("VALIDATION_FAILED"));
    }

    @Test
    void wrongTypesAre400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply number = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":12}");
        assertEnvelope(400, "MALFORMED_REQUEST", number);
        assertEquals("name", number.error().getString("field"));
        Reply flag = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"role\":true}");
        assertEnvelope(400, "MALFORMED_REQUEST", flag);
        assertEquals("role", flag.error().getString("field"));
        Reply nested = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"rate_limit\":{\"per_day\":\"ten\"}}");
        assertEnvelope(400, "MALFORMED_REQUEST", nested);
        assertEquals("per_day", nested.error().getString("field"), "the innermost field, not its parent");
    }

    @Test
    void unknownFieldsAre400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply top = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"rolez\":\"admin\"}");
        assertEnvelope(400, "MALFORMED_REQUEST", top);
        assertEquals("rolez", top.error().getString("field"));
        Reply nested = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"rate_limit\":{\"per_minutes\":5}}");
        assertEnvelope(400, "MALFORMED_REQUEST", nested);
        assertEquals("per_minutes", nested.error().getString("field"));
    }

    @Test
    void aListLimitThatIsNotAWholeNumberIs400NotAMissingList(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (String path : new String[] {"/v1/keys", "/v1/users", "/v1/files", "/v1/tenants"}) {
            for (String limit : new String[] {"ten", "1.5", "99999999999", "0"}) {
                Reply reply = portcullis.get(path + "?limit=" + limit, tenant.adminKey());
                assertEnvelope(400, "VALIDATION_FAILED", reply);
                assertEquals("limit", reply.error().getString("field"), path + "?limit=" + limit);
            }
            assertEquals(200, portcullis.get(path + "?limit=2", tenant.adminKey()).status(), path);
        }
    }

    @Test
    void missingFieldsAre400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply reply = portcullis.post("/v1/keys", tenant.adminKey(), "{}");
        assertEnvelope(400, "VALIDATION_FAILED", reply);
        assertEquals("name", reply.error().getString("field"));
    }

    @Test
    void unknownEnumValuesAre400ListingTheAllowedOnes(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply environment = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"environment\":\"prod\"}");
        assertEnvelope(400, "VALIDATION_FAILED", environment);
        assertTrue(environment.error().getString("message").contains("live, test"));
        assertEnvelope(400, "VALIDATION_FAILED", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"role\":\"owner\"}"));
        assertEnvelope(400, "VALIDATION_FAILED", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"type\":\"public\"}"));
    }

    @Test
    void bodiesOverTheLimitAre413WhetherTheyDeclareTheirLengthOrNot(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String huge = "{\"name\":\"" + "a".repeat(70_000) + "\"}";
        assertEnvelope(413, "PAYLOAD_TOO_LARGE", portcullis.post("/v1/keys", tenant.adminKey(), huge));

        HttpRequest chunked = HttpRequest.newBuilder(portcullis.uri("/v1/keys"))
                .header("Authorization", "Bearer " + tenant.adminKey())
                .header("Content-Type", "application/json")
                .POST(Portcullis.chunked(huge))
                .build();
        assertEnvelope(413, "PAYLOAD_TOO_LARGE", portcullis.send(chunked));
    }

    @Test
    void unknownPathsAre404InTheEnvelope(Portcullis portcullis) {
        assertEnvelope(404, "NOT_FOUND", portcullis.get("/v1/nothing-here", null));
        assertEnvelope(404, "NOT_FOUND", portcullis.get("/nothing/at/all", portcullis.adminKey()));
    }

    @Test
    void optionsNamesTheAllowedMethodsWithoutAMapOfTheApi(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply options = portcullis.send("OPTIONS", "/v1/keys", tenant.adminKey(), null);
        assertEquals(200, options.status(), options.toString());
        String allowed = options.headers().firstValue("Allow").orElse("");
        assertTrue(allowed.contains("GET") && allowed.contains("POST"), allowed);
        assertFalse(options.body().contains("<"), "an XML description of the resources: " + options.body());
        assertEnvelope(404, "NOT_FOUND", portcullis.get("/application.wadl", tenant.adminKey()));
    }

    @Test
    void wrongMethodAndMediaTypeAre405And415(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        assertEnvelope(405, "METHOD_NOT_ALLOWED", portcullis.send("PUT", "/v1/keys", tenant.adminKey(), "{}"));
        assertEnvelope(415, "UNSUPPORTED_MEDIA_TYPE",
                portcullis.send("POST", "/v1/keys", tenant.adminKey(), null, "Content-Type", "text/plain"));
    }

    @Test
    void everyErrorCarriesTheRequestIdAlsoSentAsAHeader(Portcullis portcullis) {
        Reply reply = portcullis.get("/v1/keys", null);
        assertEquals(reply.header("X-Request-ID"), reply.error().getString("request_id"));
        Reply echoed = portcullis.get("/v1/keys", null, "X-Request-ID", "client-trace-42");
        assertEquals("client-trace-42", echoed.error().getString("request_id"));
        Reply replaced = portcullis.get("/v1/keys", null, "X-Request-ID", "<script>");
        assertFalse(replaced.error().getString("request_id").contains("<"));
    }

    static void assertEnvelope(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        assertEquals(code, reply.errorCode(), reply.toString());
        assertFalse(reply.error().getString("message").isBlank());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("dev.portcullis"), reply.body());
    }
}
