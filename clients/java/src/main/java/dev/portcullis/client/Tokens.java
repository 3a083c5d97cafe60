package dev.portcullis.client;

/** The answer of login and refresh. Its tokens are left out of {@link #toString()}. */
public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn, SessionUser user) {

    @Override
    public String toString() {
        return "Tokens[accessToken=[REDACTED], refreshToken=[REDACTED], tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", user=" + user + "]";
    }
}
