package dev.portcullis.client;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A client of the Portcullis API on the JDK's {@link HttpClient}, acting with an API key, or with a
 * session after {@link #login}. Thread-safe. Refusals are thrown as {@link PortcullisException}s;
 * a 429 at once, unless the builder's {@link Builder#rateLimitRetry} says to wait and retry.
 */
public final class PortcullisClient {

    public static final String VERSION = "0.1.0";

    /** How the client waits before retrying a 429; replaceable for tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Connection connection;
    private final Object credential;
    private final String tenantId;

    /** A client acting with {@code apiKey}; {@code baseUrl} includes /v1, e.g. https://api.example.com/v1. */
    public PortcullisClient(String apiKey, String baseUrl) {
        this(builder().apiKey(apiKey).baseUrl(baseUrl).connection(), apiKey, null);
    }

    private PortcullisClient(Connection connection, Object credential, String tenantId) {
        this.connection = connection;
        this.credential = credential;
        this.tenantId = tenantId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private String apiKey;
        private String baseUrl;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxRetries;
        private Duration maxRetryWait = Duration.ofSeconds(60);
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder() {
        }

        /** Leave out for a client that only logs in. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Including /v1, with or without a trailing slash. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Connect and request timeout; default 30 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** A 429 waits Retry-After and tries again, at most maxRetries times, while the waits add up to no more than maxWait. */
        public Builder rateLimitRetry(int maxRetries, Duration maxWait) {
            this.maxRetries = maxRetries;
            this.maxRetryWait = maxWait;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The clock that tells when a session's access token is about to expire. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        private Connection connection() {
            return new Connection(baseUrl, timeout, maxRetries, maxRetryWait, sleeper, clock, httpClient);
        }

        public PortcullisClient build() {
            return new PortcullisClient(connection(), apiKey, null);
        }
    }

    /** The same credential acting for another tenant (X-Tenant-ID): for a platform admin's key. */
    public PortcullisClient forTenant(String tenantId) {
        return new PortcullisClient(connection, credential, tenantId);
    }

    /** {@code tenantId()} of the answer names the credential's tenant. */
    public Health health() {
        return call("GET", "/health", null, null, Health.class);
    }

    /** A client acting as this user; it refreshes its access token by itself. */
    public PortcullisClient login(String email, String password, String tenantId) {
        return login(email, password, tenantId, null);
    }

    /** The same in an environment ("live", or "test" for test objects only). */
    public PortcullisClient login(String email, String password, String tenantId, String environment) {
        Tokens tokens = connection.send(new Connection.Call("POST", "/auth/login", Map.of(),
                new Requests.Login(email, password, tenantId, environment), null, null, List.of(password)), Tokens.class);
        return new PortcullisClient(connection, new Session(connection, tokens), null);
    }

    /** Ends the session on the server: its tokens stop working, and this client throws SessionEndedException after. */
    public void logout() {
        if (!(credential instanceof Session session)) {
            throw new IllegalStateException("logout() ends a session; API keys are revoked with keys().revoke()");
        }
        try {
            call("POST", "/auth/logout", null, null, Void.class);
        } catch (SessionEndedException alreadyEnded) {
            return;
        } catch (AuthenticationException endedByTheServer) {
            // nothing left to end
        }
        session.end();
    }

    /** The logged-in user; empty for an API-key client. */
    public Optional<SessionUser> user() {
        return credential instanceof Session session ? Optional.ofNullable(session.user()) : Optional.empty();
    }

    /** The session's current access token, for handing on; empty for an API-key client or after logout. */
    public Optional<String> accessToken() {
        return credential instanceof Session session ? Optional.ofNullable(session.accessToken()) : Optional.empty();
    }

    /**
     * For a backend that was handed {@code key} by a client calling from {@code clientIp} (may be null):
     * is it good? A refused key is a verdict with {@code valid()} false, not an exception. A key restricted
     * to certain routes is refused here: name the client's request with {@link #verifyKey(String, String, String, String)}.
     */
    public KeyVerdict verifyKey(String key, String clientIp) {
        return verifyKey(key, clientIp, null, null);
    }

    /**
     * {@link #verifyKey(String, String)} for the client's request's {@code method} and {@code path} (the path as
     * sent, a query may follow; either may be null): a key restricted to certain routes is refused with
     * {@code INSUFFICIENT_PERMISSIONS} unless they name one of them.
     */
    public KeyVerdict verifyKey(String key, String clientIp, String method, String path) {
        return call(new Connection.Call("POST", "/keys/verify", Map.of(), new Requests.KeyToVerify(key, clientIp, method, path),
                null, null, List.of(key)), text -> ApiJson.JSONB.fromJson(text, KeyVerdict.class));
    }

    /** Requests allowed and refused per subject per UTC day; null from and to: the last 7 days. */
    public Usage usage(LocalDate from, LocalDate to) {
        Map<String, Object> query = new HashMap<>();
        query.put("from", from);
        query.put("to", to);
        return call("GET", "/usage", query, null, Usage.class);
    }

    /** Any call of the API, such as {@code request("GET", "/files", null, Files.class)}; path is below the base URL. */
    public <T> T request(String method, String path, Object body, Class<T> type) {
        return call(method, path, null, body, type);
    }

    public Keys keys() {
        return new Keys();
    }

    public Users users() {
        return new Users();
    }

    public Tenants tenants() {
        return new Tenants();
    }

    public Allowlist allowlist() {
        return new Allowlist();
    }

    public Plans plans() {
        return new Plans();
    }

    @Override
    public String toString() {
        String kind = credential instanceof Session ? "session" : credential != null ? "api key" : "anonymous";
        return "PortcullisClient[" + connection.baseUrl + ", " + kind + (tenantId == null ? "" : ", tenant " + tenantId) + "]";
    }

    private <T> T call(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        return call(new Connection.Call(method, path, query, body, null, null, List.of()),
                text -> text.isEmpty() || type == Void.class ? null : ApiJson.JSONB.fromJson(text, type));
    }

    private <T> T call(Connection.Call call, Function<String, T> answer) {
        boolean refreshed = false;
        while (true) {
            String bearer = credential instanceof Session session ? session.bearer() : (String) credential;
            List<String> secrets = new ArrayList<>(call.secrets());
            if (credential instanceof Session session) {
                secrets.addAll(session.secrets());
            } else if (credential != null) {
                secrets.add((String) credential);
            }
            try {
                return answer.apply(connection.send(call.withCredential(bearer, tenantId, secrets)));
            } catch (AuthenticationException refused) {
                if (!(credential instanceof Session session) || refreshed || !ErrorBodies.isTokenExpired(refused)) {
                    throw refused;
                }
                session.refreshAfter(bearer);
                refreshed = true;
            }
        }
    }

    private <T> Stream<T> list(String path, Integer limit, Class<T> type) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> page = List.<T>of().iterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Map<String, Object> query = new HashMap<>();
                    query.put("cursor", cursor);
                    query.put("limit", limit);
                    Page<T> next = pageOf(path, query, type);
                    page = next.data().iterator();
                    cursor = next.nextCursor();
                    last = cursor == null;
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private <T> Page<T> pageOf(String path, Map<String, ?> query, Class<T> type) {
        return call(new Connection.Call("GET", path, query, null, null, null, List.of()), text -> connection.page(text, type));
    }

    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The API keys of the tenant the client acts for. */
    public final class Keys {

        private Keys() {
        }

        /** {@code key()} of the answer is the secret, shown this once. */
        public Key create(NewKey key) {
            return call("POST", "/keys", null, key, Key.class);
        }

        /** Every key, fetched {@code limit} (1 to 200, null: the server's default) per page as the stream is consumed. */
        public Stream<Key> list(Integer limit) {
            return PortcullisClient.this.list("/keys", limit, Key.class);
        }

        public Key get(String id) {
            return call("GET", "/keys/" + segment(id), null, null, Key.class);
        }

        public Key update(String id, KeyChange change) {
            return call("PATCH", "/keys/" + segment(id), null, change, Key.class);
        }

        /** A new secret ({@code key()} of the answer); the old one keeps working for {@code grace} (whole seconds, up to 7 days). */
        public Key roll(String id, Duration grace) {
            return call("POST", "/keys/" + segment(id) + "/roll", null, new Requests.Roll(grace.toSeconds()), Key.class);
        }

        /** The key's current and previous secret are refused from the next request on. */
        public void revoke(String id) {
            call("DELETE", "/keys/" + segment(id), null, null, Void.class);
        }
    }

    /** The users of the tenant the client acts for. */
    public final class Users {

        private Users() {
        }

        public User create(NewUser user) {
            return call("POST", "/users", null, user, User.class);
        }

        public Stream<User> list(Integer limit) {
            return PortcullisClient.this.list("/users", limit, User.class);
        }

        public User get(String id) {
            return call("GET", "/users/" + segment(id), null, null, User.class);
        }

        public User update(String id, UserChange change) {
            return call("PATCH", "/users/" + segment(id), null, change, User.class);
        }

        public void delete(String id) {
            call("DELETE", "/users/" + segment(id), null, null, Void.class);
        }
    }

    /** A platform admin manages every tenant; anyone else sees only their own. */
    public final class Tenants {

        private Tenants() {
        }

        public Tenant create(NewTenant tenant) {
            return call("POST", "/tenants", null, tenant, Tenant.class);
        }

        public Stream<Tenant> list(Integer limit) {
            return PortcullisClient.this.list("/tenants", limit, Tenant.class);
        }

        public Tenant get(String id) {
            return call("GET", "/tenants/" + segment(id), null, null, Tenant.class);
        }

        public Tenant update(String id, TenantChange change) {
            return call("PATCH", "/tenants/" + segment(id), null, change, Tenant.class);
        }
    }

    /** The tenant-wide IP allowlist ({@code /auth/ip-allowlist}). */
    public final class Allowlist {

        private Allowlist() {
        }

        public List<String> get() {
            return call("GET", "/auth/ip-allowlist", null, null, Requests.AllowedIps.class).allowedIps();
        }

        /** Replaces the list (addresses and CIDRs); the next request is checked against it. */
        public List<String> set(List<String> allowedIps) {
            return call("POST", "/auth/ip-allowlist", null, new Requests.AllowedIps(allowedIps), Requests.AllowedIps.class).allowedIps();
        }

        public void clear() {
            call("DELETE", "/auth/ip-allowlist", null, null, Void.class);
        }
    }

    /** Anyone reads the plans; platform admins create and change them. */
    public final class Plans {

        private Plans() {
        }

        public List<Plan> list() {
            return call("GET", "/plans", null, null, Requests.PlanList.class).data();
        }

        public Plan get(String name) {
            return call("GET", "/plans/" + segment(name), null, null, Plan.class);
        }

        public Plan create(Plan plan) {
            return call("POST", "/plans", null, plan, Plan.class);
        }

        /** Null numbers stay as they are. */
        public Plan update(String name, Long perMinute, Long perDay) {
            return call("PATCH", "/plans/" + segment(name), null, new Plan(null, perMinute, perDay), Plan.class);
        }
    }
}
