package dev.portcullis.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * Where webhooks may go by default. Only literal addresses and {@code localhost} (from the hosts file)
 * are used, so the tests make no DNS query.
 */
class DestinationsTest {

    private static void refused(String url) {
        DestinationRefused refused = assertThrows(DestinationRefused.class, () -> Destinations.check(Destinations.parse(url, false), false), url);
        assertEquals("VALIDATION_FAILED", refused.code());
        assertEquals("url", refused.details().get("field"));
    }

    @Test
    void loopbackPrivateLinkLocalMulticastAndReservedAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://127.8.9.10/", "https://localhost:8443/hook",
                "https://10.1.2.3/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/",
                "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fd00::1]/", "https://[ff02::1]/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[64:ff9b::a00:1]/"}) {
            refused(url);
        }
    }

    @Test
    void publicAddressesAreAllowed() {
        assertDoesNotThrow(() -> Destinations.check(Destinations.parse("https://93.184.215.14/hook", false), false));
        assertDoesNotThrow(() -> Destinations.check(Destinations.parse("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/", false), false));
        assertNull(Destinations.problemWith(address("8.8.8.8")));
        assertNull(Destinations.problemWith(address("172.32.0.1")), "just outside 172.16/12");
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowedAndNeverAnythingElse() {
        assertEquals("url must be an https URL", assertThrows(DestinationRefused.class,
                () -> Destinations.parse("http://93.184.215.14/", false)).getMessage());
        assertDoesNotThrow(() -> Destinations.parse("http://93.184.215.14/", true));
        for (String url : new String[] {"ftp://93.184.215.14/", "file:///etc/passwd", "gopher://x/", "https:/relative", "/v1/hook",
                "https://user:pass@93.184.215.14/", "https://93.184.215.14/#fragment", "https://exa mple.com/", "", " "}) {
            assertThrows(DestinationRefused.class, () -> Destinations.parse(url, true), url);
        }
        assertThrows(DestinationRefused.class, () -> Destinations.parse("https://a.example/" + "x".repeat(2048), false));
    }

    @Test
    void theSettingLetsPrivateDestinationsThroughWithoutResolvingAnything() {
        assertDoesNotThrow(() -> Destinations.check(URI.create("http://127.0.0.1:9/hook"), true));
        assertDoesNotThrow(() -> Destinations.check(URI.create("https://no-such-host.invalid/"), true));
    }

    @Test
    void theRefusalNamesTheHostAndTheAddressItResolvedTo() {
        DestinationRefused refused = assertThrows(DestinationRefused.class,
                () -> Destinations.check(URI.create("https://localhost/hook"), false));
        assertTrue(refused.getMessage().startsWith("url's host localhost resolves to "), refused.getMessage());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
