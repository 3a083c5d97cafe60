package dev.portcullis.client;

import static dev.portcullis.client.TestServer.BASE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.client.TestServer.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final long ACCESS_TOKEN_LIFETIME = 3600;

    private final TestTenant tenant = TestTenant.create();
    private final String email = tenant.user();

    private PortcullisClient login(PortcullisClient.Builder options) {
        PortcullisClient session = options.baseUrl(BASE_URL).build().login(email, TestTenant.PASSWORD, tenant.id());
        assertEquals(email, session.user().orElseThrow().email());
        return session;
    }

    @Test
    void loginThenAnExpiredAccessTokenIsRefreshedTransparentlyAndLogoutEndsTheSession() {
        PortcullisClient session = login(PortcullisClient.builder());
        assertEquals(tenant.id(), session.health().tenantId());
        String firstToken = session.accessToken().orElseThrow();

        TestServer.advanceClock(ACCESS_TOKEN_LIFETIME + 1);
        assertEquals(tenant.id(), session.health().tenantId());
        assertNotEquals(firstToken, session.accessToken().orElseThrow(), "refreshed after TOKEN_EXPIRED");

        String lastToken = session.accessToken().orElseThrow();
        session.logout();
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> new PortcullisClient(lastToken, BASE_URL).health());
        assertEquals(401, refused.status());
        assertThrows(SessionEndedException.class, session::health);
    }

    @Test
    void concurrentCallersWithAnExpiredTokenShareOneRefresh() throws Exception {
        PortcullisClient session = login(PortcullisClient.builder());
        TestServer.advanceClock(ACCESS_TOKEN_LIFETIME + 1);
        // Refreshing twice with one refresh token would revoke the whole session on the server.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return session.health().tenantId();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertEquals(tenant.id(), answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(tenant.id(), session.health().tenantId());
    }

    @Test
    void theTokenIsRefreshedJustBeforeExpiresInRunsOut() {
        MovableClock clock = new MovableClock();
        PortcullisClient session = login(PortcullisClient.builder().clock(clock));
        String firstToken = session.accessToken().orElseThrow();
        session.health();
        assertEquals(firstToken, session.accessToken().orElseThrow());

        clock.advance(Duration.ofSeconds(ACCESS_TOKEN_LIFETIME - 5));
        assertEquals(tenant.id(), session.health().tenantId());
        assertNotEquals(firstToken, session.accessToken().orElseThrow());
    }

    @Test
    void aRefusedRefreshTokenEndsTheSession() {
        PortcullisClient session = login(PortcullisClient.builder());
        tenant.client().users().update(session.user().orElseThrow().id(), new UserChange(null, null, "a new long passphrase"));
        TestServer.advanceClock(ACCESS_TOKEN_LIFETIME + 1);

        AuthenticationException refused = assertThrows(AuthenticationException.class, session::health);
        assertEquals("INVALID_REFRESH_TOKEN", refused.code());
        assertThrows(SessionEndedException.class, session::health);
        assertFalse(session.accessToken().isPresent());
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsAndNeverShown() {
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> new PortcullisClient(null, BASE_URL).login(email, "not the password", tenant.id()));
        assertEquals("INVALID_CREDENTIALS", refused.code());
        assertFalse(refused.toString().contains("not the password"));
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
