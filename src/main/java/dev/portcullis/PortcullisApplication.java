package dev.portcullis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at the context root. No {@code @LoginConfig}: the pipeline in
 * {@code security} owns the {@code Authorization: Bearer} header for both API keys and JWTs, because
 * Payara's MP-JWT mechanism would reject every API key before JAX-RS runs.
 */
@ApplicationScoped
@ApplicationPath("/")
public class PortcullisApplication extends Application {
}
