package dev.portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.users.control.Passwords;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(19 * 1024, 2, work -> work);

    @Test
    void aHashIsASelfDescribingArgon2idStringThatVerifiesOnlyItsPassword() {
        String hash = passwords.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(passwords.verify("correct horse battery staple", hash));
        assertFalse(passwords.verify("correct horse battery stapl", hash));
        assertFalse(passwords.verify("correct horse battery staple ", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(passwords.hash("same password here"), passwords.hash("same password here"));
    }

    @Test
    void passwordsAreNeverTruncated() {
        String base = "p".repeat(100);
        String hash = passwords.hash(base + "A");
        assertFalse(passwords.verify(base + "B", hash));
    }

    @Test
    void anyUnicodeIsAcceptedAndComposedFormsMatch() {
        String composed = "mot de passe \u00e9t\u00e9 \uD83D\uDD12";
        String decomposed = "mot de passe e\u0301te\u0301 \uD83D\uDD12";
        assertEquals(Passwords.acceptable(composed), Passwords.acceptable(decomposed));
        assertTrue(passwords.verify(decomposed, passwords.hash(composed)));
    }

    @Test
    void passwordsMustBeTwelveToOneHundredTwentyEightCharacters() {
        assertThrows(ValidationFailed.class, () -> Passwords.acceptable("short"));
        assertThrows(ValidationFailed.class, () -> Passwords.acceptable("x".repeat(129)));
        assertThrows(ValidationFailed.class, () -> Passwords.acceptable(null));
        Passwords.acceptable("x".repeat(12));
        Passwords.acceptable("\uD83D\uDD12".repeat(128));
    }

    @Test
    void weakerStoredParametersAskForARehash() {
        Passwords stronger = new Passwords(19 * 1024, 3, work -> work);
        String old = passwords.hash("a long enough password");
        assertTrue(stronger.needsRehash(old));
        assertTrue(stronger.verify("a long enough password", old), "old hashes still verify");
        assertFalse(passwords.needsRehash(old));
        assertTrue(passwords.needsRehash("$2a$10$bcrypt-or-garbage"));
    }

    @Test
    void weakParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Passwords(4096, 2, work -> work));
        assertThrows(IllegalArgumentException.class, () -> new Passwords(19 * 1024, 1, work -> work));
    }
}
