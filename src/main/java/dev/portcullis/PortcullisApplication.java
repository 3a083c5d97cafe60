package dev.portcullis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application at the context root. No {@code @LoginConfig}: the pipeline in
 * {@code security} owns the {@code Authorization: Bearer} header for both API keys and JWTs, because
 * Payara's MP-JWT mechanism would reject every API key before JAX-RS runs.
 */
@ApplicationScoped
@ApplicationPath("/")
public class PortcullisApplication extends Application {

    /**
     * Jersey would otherwise answer {@code OPTIONS} and {@code /application.wadl} with an XML map of every
     * resource: not JSON, and not something a caller needs. Other servers ignore the property.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
