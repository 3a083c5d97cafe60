package dev.portcullis.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders:read", "orders:write", "reports:export-csv", "a_b:c_d", "keys:read", "files:write", "x1:y2"})
    void applicationAndPortcullisScopesAreScopes(String scope) {
        assertTrue(Scopes.isValid(scope), Scopes.problemWith(scope));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "orders:", ":read", "Orders:read", "orders:read:all", "orders read", "1orders:read",
            "orders:-read", "orders:read ", "órders:read"})
    void malformedScopesAreNot(String scope) {
        assertFalse(Scopes.isValid(scope));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys:delete", "users:admin", "tenants:everything", "webhooks:delete", "portcullis:anything"})
    void portcullisResourcesHaveOnlyPortcullisScopes(String scope) {
        assertFalse(Scopes.isValid(scope));
        assertTrue(Scopes.problemWith(scope).contains("reserved"));
    }

    @org.junit.jupiter.api.Test
    void aScopeIsAtMostSixtyFourCharacters() {
        assertTrue(Scopes.isValid("a:" + "b".repeat(62)));
        assertFalse(Scopes.isValid("a:" + "b".repeat(63)));
    }
}
