package dev.portcullis.clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class Clocks {

    @Inject
    @ConfigProperty(name = "portcullis.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    private Clock clock;

    @PostConstruct
    void choose() {
        // Millisecond ticks: what the database stores, so a created object reads back identical.
        Clock system = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        clock = adjustable ? new AdjustableClock(system) : system;
    }

    @Produces
    Clock clock() {
        return clock;
    }
}
