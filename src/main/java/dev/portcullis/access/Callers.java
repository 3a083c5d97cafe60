package dev.portcullis.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes each request's {@link Caller}. Produced rather than a bean class of its own: Payara runs its Java EE
 * resource injection (a reflective scan for {@code @Resource} and the like) on every instance of a bean
 * class, which for one made per request was about 4 % of a bare request's CPU (bench/profile.sh); a
 * producer's instance is a plain {@code new}.
 */
@ApplicationScoped
public class Callers {

    @Produces
    @RequestScoped
    Caller caller() {
        return new Caller();
    }
}
