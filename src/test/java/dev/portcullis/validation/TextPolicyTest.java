package dev.portcullis.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"backend", "Ada Lovelace", "Zoë's key", "ключ", "鍵 (本番)", "naïve café", "🔑 main", "a-b_c.d/e"})
    void ordinaryTextInAnyScriptIsAccepted(String text) {
        assertNull(TextPolicy.problemWith(text, 200));
    }

    /** One of each class of character the policy refuses, inside an otherwise ordinary name. */
    @ParameterizedTest(name = "U+{0}: {1}")
    @CsvSource({
            "0000, NUL",
            "0001, C0 control",
            "0009, tab",
            "000A, line feed",
            "001F, C0 control",
            "007F, delete",
            "0080, C1 control",
            "009F, C1 control",
            "00AD, soft hyphen",
            "200B, zero width space",
            "200C, zero width non-joiner",
            "200D, zero width joiner",
            "200E, left-to-right mark",
            "202A, left-to-right embedding",
            "202E, right-to-left override",
            "2066, left-to-right isolate",
            "2069, pop directional isolate",
            "2028, line separator",
            "2029, paragraph separator",
            "FEFF, byte order mark",
            "D800, lone high surrogate",
            "DFFF, lone low surrogate",
            "FDD0, noncharacter",
            "FFFE, noncharacter",
            "FFFF, noncharacter",
            "1FFFE, noncharacter in a supplementary plane",
            "E0001, language tag"})
    void invisibleAndControlCharactersAreRefused(String hex, String what) {
        String text = "ad" + new String(Character.toChars(Integer.parseInt(hex, 16))) + "min";
        assertNotNull(TextPolicy.problemWith(text, 200), what + " was accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \u00A0 "})
    void emptyOrOnlyWhiteSpaceIsRefused(String text) {
        assertEquals("must not be empty", TextPolicy.problemWith(text, 200));
    }

    @org.junit.jupiter.api.Test
    void lengthIsCountedInCodePointsOfTheNfcForm() {
        String decomposed = "e\u0301".repeat(10);
        assertNull(TextPolicy.problemWith(decomposed, 10), "ten é, decomposed: ten characters once composed");
        assertNull(TextPolicy.problemWith("🔑".repeat(10), 10), "ten emoji are ten characters, not twenty chars");
        assertEquals("must be at most 10 characters", TextPolicy.problemWith("x".repeat(11), 10));
    }

    @org.junit.jupiter.api.Test
    void theStoredFormIsNfcWithoutSurroundingWhiteSpace() {
        assertEquals("\u00e9t\u00e9", TextPolicy.normalized("  e\u0301te\u0301 "));
    }
}
