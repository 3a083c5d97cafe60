package dev.portcullis.users.control;

import dev.portcullis.users.entity.User;

/** What the pipeline checks of a session's user on every request, cached on each node. */
public record UserState(String id, String tenantId, boolean disabled, long tokensValidAfterMillis) {

    static UserState from(User user) {
        return new UserState(user.id(), user.tenantId(), user.isDisabled(), user.tokensValidAfter().toEpochMilli());
    }

    /** Whether a token issued at this instant (epoch ms) may still be used. */
    public boolean accepts(long issuedAtMillis) {
        return !disabled && issuedAtMillis >= tokensValidAfterMillis;
    }
}
