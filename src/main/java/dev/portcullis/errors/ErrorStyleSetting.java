package dev.portcullis.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code errors.style} when the application starts, so that a misspelt style stops the start
 * instead of surfacing in the first error a client gets. The envelope itself is static, so that writing an
 * error needs nothing injected and cannot fail for want of it.
 */
@ApplicationScoped
class ErrorStyleSetting {

    @Inject
    @ConfigProperty(name = "errors.style", defaultValue = "audimodal")
    String style;

    void apply(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ErrorEnvelope.use(ErrorEnvelope.of(style));
    }
}
