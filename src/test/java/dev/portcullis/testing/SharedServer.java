package dev.portcullis.testing;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Payara Micro for the whole test run, on first use, and stops it when the run ends. Test
 * classes that use it ({@link PortcullisTest}) share the server and keep apart by creating their own
 * tenants. The server runs with a configured bootstrap admin key and an adjustable clock.
 */
public final class SharedServer implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portcullis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Running(), Running.class).portcullis;
    }

    /** Settings every test server gets: a known admin key and a clock tests can move. */
    public static Map<String, String> environment(String name, String adminKey) {
        return TestDatabase.freshWith(name, Map.of(
                "PORTCULLIS_BOOTSTRAP_ADMIN_KEY", adminKey,
                "PORTCULLIS_CLOCK_ADJUSTABLE", "true",
                // Many tests send bad credentials on purpose, all from 127.0.0.1.
                "RATELIMIT_FAILED_AUTH_PER_MINUTE", "100000",
                "RATELIMIT_FAILED_AUTH_PER_DAY", "10000000",
                // Loopback and 10/8 act as proxies, so tests can present any client address in X-Forwarded-For.
                "HTTP_TRUSTED_PROXIES", "127.0.0.1/32,::1/128,10.0.0.0/8"));
    }

    public static String newAdminKey() {
        return new KeyFormat("sk", "tk").generate(KeyType.SECRET, Environment.LIVE, null);
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final PayaraMicro server;
        private final Portcullis portcullis;

        Running() {
            String adminKey = newAdminKey();
            Map<String, String> environment = environment("shared", adminKey);
            // Usage is then written only when read or at shutdown, so tests know what is still unwritten.
            environment.put("RATELIMIT_FLUSH_INTERVAL", "PT1H");
            // Audit records older than two days go within a second (AuditIT moves the clock past them).
            environment.put("AUDIT_RETENTION_DAYS", "2");
            environment.put("AUDIT_PURGE_INTERVAL", "PT1S");
            // Webhooks to receivers on loopback over plain HTTP, retried within seconds, a hanging one cut off
            // after 2 s by the whole-call timeout (the wait for the answer's head is longer, so that it is the
            // Fault Tolerance @Timeout that cuts); expiring keys announced 3 days ahead, looked for every second.
            environment.put("WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS", "true");
            environment.put("WEBHOOKS_ALLOW_HTTP", "true");
            environment.put("WEBHOOKS_POLL_INTERVAL", "PT0.2S");
            environment.put("WEBHOOKS_RETRY_BASE", "PT1S");
            environment.put("WEBHOOKS_READ_TIMEOUT", "PT10S");
            environment.put("WEBHOOKS_DELIVERY_TIMEOUT_MILLIS", "2000");
            environment.put("WEBHOOKS_KEY_EXPIRING_DAYS", "3");
            environment.put("WEBHOOKS_KEY_CHECK_INTERVAL", "PT1S");
            server = PayaraMicro.start("shared", environment);
            portcullis = new Portcullis(server, adminKey);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
