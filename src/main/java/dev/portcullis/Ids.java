package dev.portcullis;

import java.security.SecureRandom;

/** Public identifiers with a type prefix ({@code tenant_…}, {@code key_…}, {@code user_…}) and base62 randomness. */
public final class Ids {

    public static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_LENGTH = 20;
    private static final int UNBIASED_BELOW = 256 - 256 % 62;

    private Ids() {
    }

    public static String next(String type) {
        return type + "_" + randomBase62(ID_LENGTH);
    }

    /**
     * Uniform base62 characters from one draw of random bytes (a draw per character made every request's
     * id cost about 1.5 % of the request): bytes of 248 and up are skipped, so each kept one modulo 62 is
     * unbiased.
     */
    public static String randomBase62(int length) {
        char[] chars = new char[length];
        byte[] random = new byte[length + length / 8 + 4];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(random);
            for (int i = 0; i < random.length && filled < length; i++) {
                int value = random[i] & 0xff;
                if (value < UNBIASED_BELOW) {
                    chars[filled++] = BASE62.charAt(value % BASE62.length());
                }
            }
        }
        return new String(chars);
    }

    public static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
