package dev.portcullis.validation;

import java.text.Normalizer;

/**
 * The rules for every field a person reads (names of keys, tenants, files, plans, …): text is taken in
 * Unicode NFC with surrounding white space removed, must not be empty, is at most so many code points
 * long, and holds no character that is invisible or changes how the rest is shown: control characters
 * (C0 and C1, NUL, tab and newline included), line and paragraph separators, format characters (zero
 * width joiners, soft hyphens, the byte order mark, bidirectional overrides and isolates, …), lone
 * surrogates and noncharacters. Such characters make two names that look alike different, or one name
 * look like another.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** The form text is compared and stored in: NFC, without white space (no-break spaces too) around it. */
    public static String normalized(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && isSpace(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && isSpace(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        return nfc.substring(start, end);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Why {@code text} breaks the rules (a phrase to follow the field's name), or null when it does not. */
    public static String problemWith(String text, int maxCodePoints) {
        String normalized = normalized(text);
        if (normalized.isEmpty()) {
            return "must not be empty";
        }
        int length = normalized.codePointCount(0, normalized.length());
        if (length > maxCodePoints) {
            return "must be at most " + maxCodePoints + " characters";
        }
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            String refused = refused(c);
            if (refused != null) {
                return "must not contain " + refused + String.format(" (U+%04X)", c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static String refused(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "control characters";
            case Character.FORMAT -> "invisible formatting characters";
            case Character.SURROGATE -> "a lone surrogate";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line or paragraph separators";
            default -> isNoncharacter(c) ? "noncharacters" : null;
        };
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
