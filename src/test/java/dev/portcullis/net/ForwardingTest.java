package dev.portcullis.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTest {

    private static final Forwarding BEHIND_PROXIES = new Forwarding(
            IpAllowlist.fromRequest("trusted", List.of("10.0.0.0/8", "127.0.0.1")), "X-Forwarded-For");
    private static final Forwarding DIRECT = new Forwarding(IpAllowlist.NONE, "X-Forwarded-For");
    private static final InetAddress PROXY = Cidr.address("10.0.0.2");
    private static final InetAddress STRANGER = Cidr.address("198.51.100.7");

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverTheHeadersSay() {
        assertEquals(STRANGER, DIRECT.client(STRANGER, List.of("203.0.113.9")));
        assertFalse(DIRECT.secure(false, STRANGER, List.of("https")));
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddressOrProtocol() {
        assertEquals(STRANGER, BEHIND_PROXIES.client(STRANGER, List.of("203.0.113.9")));
        assertFalse(BEHIND_PROXIES.secure(false, STRANGER, List.of("https")));
        assertEquals(STRANGER, BEHIND_PROXIES.client(STRANGER, List.of("not an address")), "junk from strangers is ignored");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedEntryIsTheClient() {
        assertEquals(Cidr.address("203.0.113.7"),
                BEHIND_PROXIES.client(PROXY, List.of("1.1.1.1, 203.0.113.7, 10.0.0.5")));
        assertEquals(Cidr.address("203.0.113.7"),
                BEHIND_PROXIES.client(PROXY, List.of("1.1.1.1", "203.0.113.7", "10.0.0.5")), "several header lines");
        assertEquals(Cidr.address("10.0.0.9"), BEHIND_PROXIES.client(PROXY, List.of("10.0.0.9, 10.0.0.5")),
                "only proxies: the leftmost");
        assertEquals(PROXY, BEHIND_PROXIES.client(PROXY, List.of()));
    }

    @Test
    void junkFromATrustedProxyIsABadRequest() {
        assertThrows(InvalidForwardingHeader.class, () -> BEHIND_PROXIES.client(PROXY, List.of("203.0.113.7, evil.example")));
        assertThrows(InvalidForwardingHeader.class, () -> BEHIND_PROXIES.client(PROXY, List.of("")));
        assertThrows(InvalidForwardingHeader.class, () -> BEHIND_PROXIES.secure(false, PROXY, List.of("gopher")));
    }

    @Test
    void aTrustedProxysRightmostProtoDecidesTls() {
        assertTrue(BEHIND_PROXIES.secure(false, PROXY, List.of("http, https")));
        assertFalse(BEHIND_PROXIES.secure(false, PROXY, List.of("HTTP")));
        assertTrue(BEHIND_PROXIES.secure(true, PROXY, List.of("http")), "a TLS connection is TLS");
    }

    @Test
    void ipv6ClientsAreResolvedToo() {
        assertEquals(Cidr.address("2001:db8::1"), BEHIND_PROXIES.client(PROXY, List.of("2001:0db8:0:0:0:0:0:1")));
    }

    private static final Forwarding RFC_7239 = new Forwarding(
            IpAllowlist.fromRequest("trusted", List.of("10.0.0.0/8", "127.0.0.1")), "Forwarded");

    @Test
    void withTheForwardedHeaderTheRightmostUntrustedForNodeIsTheClient() {
        assertEquals(Cidr.address("203.0.113.7"), RFC_7239.client(PROXY,
                List.of("for=1.1.1.1, for=203.0.113.7;proto=https;by=10.0.0.2, for=10.0.0.5")));
        assertEquals(Cidr.address("203.0.113.7"), RFC_7239.client(PROXY, List.of("for=1.1.1.1", "For=\"203.0.113.7:47011\"")),
                "several header lines, quoted with a port, names in any case");
        assertEquals(Cidr.address("2001:db8:cafe::17"), RFC_7239.client(PROXY, List.of("for=\"[2001:db8:cafe::17]:4711\"")));
        assertEquals(Cidr.address("2001:db8:cafe::17"), RFC_7239.client(PROXY, List.of("for=\"[2001:db8:cafe::17]\"")));
        assertEquals(PROXY, RFC_7239.client(PROXY, List.of("proto=https;by=10.0.0.2")), "no for= names no hop");
        assertEquals(STRANGER, RFC_7239.client(STRANGER, List.of("for=203.0.113.7")), "an untrusted peer cannot spoof it");
    }

    @Test
    void aHiddenClientBehindTheForwardedHeaderIsABadRequestButAHiddenHopLeftOfItIsNot() {
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.client(PROXY, List.of("for=unknown")));
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.client(PROXY, List.of("for=_hidden, for=10.0.0.5")));
        assertEquals(Cidr.address("203.0.113.7"), RFC_7239.client(PROXY, List.of("for=_hidden, for=203.0.113.7")));
    }

    @Test
    void junkInTheForwardedHeaderIsABadRequest() {
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.client(PROXY, List.of("for=evil.example")));
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.client(PROXY, List.of("for=\"203.0.113.7")));
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.client(PROXY, List.of("203.0.113.7")));
        assertThrows(InvalidForwardingHeader.class, () -> RFC_7239.secure(false, PROXY, List.of("for=1.1.1.1;proto=gopher")));
    }

    @Test
    void theNearestProxysProtoInTheForwardedHeaderDecidesTls() {
        assertTrue(RFC_7239.secure(false, PROXY, List.of("for=1.1.1.1;proto=http, for=203.0.113.7;proto=HTTPS")));
        assertFalse(RFC_7239.secure(false, PROXY, List.of("for=1.1.1.1;proto=https, for=203.0.113.7;proto=http")));
        assertFalse(RFC_7239.secure(false, PROXY, List.of("for=1.1.1.1;proto=https, for=203.0.113.7")),
                "the nearest proxy did not say: not TLS");
        assertFalse(RFC_7239.secure(false, STRANGER, List.of("for=203.0.113.7;proto=https")));
        assertEquals("Forwarded", RFC_7239.protoHeader());
        assertEquals("X-Forwarded-Proto", BEHIND_PROXIES.protoHeader());
    }
}
