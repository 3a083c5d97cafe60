package dev.portcullis.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends an API key (or an access token) as {@code Authorization: Bearer} for {@link PortcullisApi}. Made
 * by the Rest Client (no arguments), it sends MicroProfile Config's {@code portcullis.api-key}, if any;
 * registered as {@code new ApiKeyAuthentication(key)}, that key. A request that already has an
 * Authorization header keeps it.
 */
public class ApiKeyAuthentication implements ClientRequestFilter {

    private final String key;

    public ApiKeyAuthentication() {
        this(null);
    }

    public ApiKeyAuthentication(String key) {
        this.key = key;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String bearer = key != null ? key : configuredKey();
        if (bearer != null && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
    }

    private static String configuredKey() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("portcullis.api-key", String.class).orElse(null);
        } catch (IllegalStateException | NoClassDefFoundError noConfiguration) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[" + (key == null ? "portcullis.api-key" : "[REDACTED]") + "]";
    }
}
