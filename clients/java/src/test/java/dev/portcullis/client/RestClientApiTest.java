package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.TestServer.TestTenant;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;

/** The MicroProfile Rest Client interface, run by an implementation of the spec (RESTEasy's) outside a server. */
class RestClientApiTest {

    private final TestTenant tenant = TestTenant.create();

    private PortcullisApi api(String key) {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(TestServer.BASE_URL))
                .register(new ApiKeyAuthentication(key))
                .build(PortcullisApi.class);
    }

    @Test
    void healthWithAKeyNamesItsTenant() {
        assertEquals(tenant.id(), api(tenant.adminKey()).health().tenantId());
    }

    @Test
    void keysAreCreatedListedOverEveryPageAndRevoked() {
        PortcullisApi api = api(tenant.adminKey());
        Key created = api.createKey(NewKey.named("through the rest client").withRole("member"));
        api.createKey(NewKey.named("another").withRole("member"));
        assertEquals(tenant.id(), api(created.key()).health().tenantId());

        List<String> listed = api.allKeys(1).map(Key::id).toList();
        assertEquals(3, listed.size(), "two keys and the tenant's admin key, one per page");
        assertTrue(listed.contains(created.id()));

        api.revokeKey(created.id());
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> api(created.key()).health());
        assertEquals("INVALID_API_KEY", refused.code());
    }

    @Test
    void refusalsAreThePlainClientsExceptions() {
        NotFoundException missing = assertThrows(NotFoundException.class, () -> api(tenant.adminKey()).getKey("key_doesnotexist"));
        assertEquals("NOT_FOUND", missing.code());
        assertTrue(missing.requestId().startsWith("req_"));
        String key = tenant.adminKey();
        BadRequestException pasted = assertThrows(BadRequestException.class,
                () -> api(key).createKey(NewKey.named("pasted").withScopes(List.of(key))));
        assertEquals("scopes", pasted.field());
        assertTrue(!pasted.getMessage().contains(key), pasted.getMessage());
    }

    @Test
    void aSessionLogsInAndItsAccessTokenIsAccepted() {
        String email = tenant.user();
        Tokens tokens = api(null).login(new Requests.Login(email, TestTenant.PASSWORD, tenant.id(), null));
        assertEquals(email, tokens.user().email());
        assertEquals(tenant.id(), api(tokens.accessToken()).health().tenantId());
        assertTrue(!tokens.toString().contains(tokens.accessToken()));
    }
}
