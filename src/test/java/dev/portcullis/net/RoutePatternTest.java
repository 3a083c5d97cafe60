package dev.portcullis.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A route-restricted key's path: a request path that the API behind a gateway would resolve to another
 * path matches no route, however it is spelled; plain paths match as before.
 */
class RoutePatternTest {

    private static final RoutePattern RUBRICS = RoutePattern.parse("GET /api/rubrics/**");

    @ParameterizedTest
    @ValueSource(strings = {"/api/rubrics/../admin", "/api/rubrics/./../admin", "/api/rubrics/%2e%2e/admin",
            "/api/rubrics/%2E%2E/admin", "/api/rubrics/.%2e/admin", "/api/rubrics/..;/admin", "/api/rubrics/..;x=1/admin",
            "/api/rubrics/%2e%2e%3b/admin", "/api/rubrics/x%2f..%2f..%2fadmin", "/api/rubrics/x%2F..%2Fadmin",
            "/api/rubrics/..%5cadmin", "/api/rubrics/x\\..\\..\\admin", "/api/rubrics/%252e%252e/admin",
            "/api/rubrics/%25252e%25252e/admin", "/api/rubrics/%2525252e/admin", "/api/rubrics/..", "/api/rubrics/.",
            "/api/rubrics/../admin?x=1", "/api/rubrics//", "/api/rubrics/7//x", "/api/rubrics/;/x", "/api/rubrics/%3b/x",
            "/api/rubrics/#/x", "/api/rubrics/7#", "api/rubrics/7", "http://api.example/api/rubrics/7", ""})
    void aPathThatTheApiBehindWouldResolveElsewhereMatchesNoRoute(String path) {
        assertFalse(RUBRICS.matches("GET", path), path);
        assertFalse(RoutePattern.parse("* /**").matches("GET", path), "not even everything: " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/users//avatar", "/api/users/;/avatar", "/api/users/;x=1/avatar", "/api/users/#/avatar",
            "/api/users/%3b/avatar"})
    void oneSegmentNeverStandsForNothing(String path) {
        assertFalse(RoutePattern.parse("GET /api/users/*/avatar").matches("GET", path), path);
        assertFalse(RoutePattern.parse("GET /api/users/*").matches("GET", "/api/users//"), "the list of users is not one user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/rubrics", "/api/rubrics/", "/api/rubrics/7", "/api/rubrics/7?page=2&q=../x",
            "/api/rubrics/v1.2/..x", "/api/rubrics/...", "/api/rubrics/100%25", "/api/rubrics/caf%C3%A9",
            "/api/rubrics/a%20b", "/api/rubrics/%zz", "/api/rubrics/x;v=1", "/api/rubrics/.well-known"})
    void aPlainPathStillMatches(String path) {
        assertTrue(RUBRICS.matches("GET", path), path);
    }
}
