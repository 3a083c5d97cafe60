package dev.portcullis.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tokens of one login. Refreshes once per expiry, whoever asks, and forgets the tokens when the
 * refresh token is refused. Synchronized: concurrent callers wait for the one refresh and use its
 * token, since a refresh token spent twice revokes the whole session on the server.
 */
final class Session {

    private final Connection connection;
    private String accessToken;
    private String refreshToken;
    private Instant refreshAt;
    private SessionUser user;

    Session(Connection connection, Tokens tokens) {
        this.connection = connection;
        accept(tokens);
    }

    private void accept(Tokens tokens) {
        accessToken = tokens.accessToken();
        refreshToken = tokens.refreshToken();
        Duration lifetime = Duration.ofSeconds(tokens.expiresIn());
        // Refresh a little before the server would refuse the token, so no request is spent on the refusal.
        Duration margin = lifetime.dividedBy(2).compareTo(Duration.ofSeconds(30)) < 0 ? lifetime.dividedBy(2) : Duration.ofSeconds(30);
        refreshAt = connection.clock.instant().plus(lifetime).minus(margin);
        user = tokens.user();
    }

    synchronized String bearer() {
        if (accessToken == null) {
            throw new SessionEndedException();
        }
        if (!connection.clock.instant().isBefore(refreshAt)) {
            refresh();
        }
        return accessToken;
    }

    /** After a TOKEN_EXPIRED for {@code refused}: refresh, unless another caller already has. */
    synchronized void refreshAfter(String refused) {
        if (accessToken == null) {
            throw new SessionEndedException();
        }
        if (accessToken.equals(refused)) {
            refresh();
        }
    }

    private void refresh() {
        Tokens tokens;
        try {
            tokens = connection.send(new Connection.Call("POST", "/auth/refresh", Map.of(),
                    new Requests.Refresh(refreshToken), null, null, secrets()), Tokens.class);
        } catch (AuthenticationException refused) {
            end();
            throw refused;
        }
        accept(tokens);
    }

    synchronized void end() {
        accessToken = null;
        refreshToken = null;
    }

    synchronized String accessToken() {
        return accessToken;
    }

    synchronized SessionUser user() {
        return user;
    }

    synchronized List<String> secrets() {
        return new ArrayList<>(Arrays.asList(accessToken, refreshToken));
    }
}
