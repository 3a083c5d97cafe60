package dev.portcullis;

import java.security.SecureRandom;

/** Public identifiers with a type prefix ({@code tenant_…}, {@code key_…}, {@code user_…}) and base62 randomness. */
public final class Ids {

    public static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_LENGTH = 20;

    private Ids() {
    }

    public static String next(String type) {
        return type + "_" + randomBase62(ID_LENGTH);
    }

    public static String randomBase62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(RANDOM.nextInt(BASE62.length()));
        }
        return new String(chars);
    }

    public static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
