package dev.portcullis.testing;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A second shared server, configured as production would be: no loopback exemption from HTTPS-only,
 * no trusted proxies, a small failed-authentication budget per address, and TLS on its own port.
 * Started once, on first use, for the test classes that ask for it ({@link StrictPortcullisTest}).
 */
public final class StrictServer implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StrictServer.class);
    public static final int FAILED_AUTH_PER_MINUTE = 5;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portcullis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Running(), Running.class).portcullis;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final PayaraMicro server;
        private final Portcullis portcullis;

        Running() {
            String adminKey = SharedServer.newAdminKey();
            Map<String, String> environment = new HashMap<>(SharedServer.environment("strict", adminKey));
            environment.put("HTTP_HTTPS_EXEMPT_LOOPBACK", "false");
            environment.remove("HTTP_TRUSTED_PROXIES");
            environment.put("RATELIMIT_FAILED_AUTH_PER_MINUTE", String.valueOf(FAILED_AUTH_PER_MINUTE));
            // The smallest password-hashing bulkhead: one hash at a time, one waiting (PasswordBulkheadIT fills it).
            environment.put("USERS_PASSWORD_CONCURRENT_HASHES", "1");
            environment.put("USERS_PASSWORD_QUEUED_HASHES", "1");
            server = PayaraMicro.startWithTls("strict", environment);
            portcullis = new Portcullis(server, adminKey);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
