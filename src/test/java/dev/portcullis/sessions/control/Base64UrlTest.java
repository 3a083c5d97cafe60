package dev.portcullis.sessions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\u00ff\u00fe\u00fd"})
    void whatItEncodesItDecodes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(bytes, Base64Url.decode(Base64Url.encode(bytes)).orElseThrow());
    }

    /** Each is a second spelling of bytes that have a canonical one, or no base64url at all. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Zm8=|padding",
            "Zm9v====|padding on a full block",
            "Zm9|trailing bits set (canonical: Zm8)",
            "Zh|trailing bits set (canonical: Zg)",
            "Z|a length that no bytes have",
            "Zm9v YmFy|white space inside",
            "' Zm9v'|white space before",
            "'Zm9v '|white space after",
            "Zm9v+/|the standard alphabet's + and /",
            "Zm9v\\n|an escaped line break",
            "Zm9v.|a dot"})
    void everyOtherSpellingIsRefused(String text, String what) {
        assertTrue(Base64Url.decode(text).isEmpty(), what);
    }
}
