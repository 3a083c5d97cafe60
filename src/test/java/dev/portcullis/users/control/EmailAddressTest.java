package dev.portcullis.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.errors.ValidationFailed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "admin@x.test|the address itself",
            "Admin@X.Test|upper case",
            "  admin@x.test |white space around",
            "\uff41dmin@x.test|fullwidth a",
            "\ud835\udc1admin@x.test|mathematical bold a",
            "admin@\uff58.test|fullwidth x in the domain"})
    void lookAlikesFoldOntoTheSameKey(String email, String what) {
        assertEquals("admin@x.test", EmailAddress.of(email).key(), what);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\u0430dmin@x.test",           // Cyrillic a
            "a\u200ddmin@x.test",          // zero width joiner
            "a\u00addmin@x.test",          // soft hyphen
            "\u202eadmin@x.test",          // right-to-left override
            "a\u0000dmin@x.test",          // NUL
            "a\u0007dmin@x.test",          // C0 control
            "a\u0085dmin@x.test",          // C1 control
            "\ufeffadmin@x.test",          // byte order mark
            "admin@@x.test", "admin", "@x.test", "admin@", "admin@x", "ad min@x.test", ".admin@x.test", "ad..min@x.test",
            "admin@-x.test", "admin@x_y.test", "admin@x.test."})
    void lookAlikesThatCannotFoldAndMalformedAddressesAreRefused(String email) {
        assertThrows(ValidationFailed.class, () -> EmailAddress.of(email));
    }

    @org.junit.jupiter.api.Test
    void internationalDomainsCompareInAscii() {
        EmailAddress address = EmailAddress.of("ana@b\u00fccher.example");
        assertEquals("ana@b\u00fccher.example", address.display(), "shown as written, in NFC");
        assertEquals("ana@xn--bcher-kva.example", address.key());
    }
}
