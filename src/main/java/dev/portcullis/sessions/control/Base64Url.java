package dev.portcullis.sessions.control;

import java.util.Base64;
import java.util.Optional;

/**
 * Unpadded base64url (RFC 7515, appendix C) as tokens are written, and only that: the URL-safe
 * alphabet, no padding, no white space, and the canonical encoding of the bytes (unused trailing bits
 * zero). Java's decoder also takes padding and ignores set trailing bits, which gives one token many
 * spellings; a second spelling of a token is not that token.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The bytes of a canonical encoding; empty for anything else. */
    static Optional<byte[]> decode(String text) {
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        byte[] bytes = DECODER.decode(text);
        // Set trailing bits decode to the same bytes: only the canonical text encodes back to itself.
        return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
