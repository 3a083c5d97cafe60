package dev.portcullis.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.errors.ValidationFailed;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    private static boolean in(String cidr, String address) {
        return Cidr.parse(cidr).contains(Cidr.address(address));
    }

    @Test
    void aSlash24HoldsItsFirstAndLastAddressAndNothingBeside() {
        assertTrue(in("192.168.1.0/24", "192.168.1.0"));
        assertTrue(in("192.168.1.0/24", "192.168.1.255"));
        assertFalse(in("192.168.1.0/24", "192.168.0.255"));
        assertFalse(in("192.168.1.0/24", "192.168.2.0"));
    }

    @Test
    void singleAddressesAreSlash32AndSlash128() {
        assertTrue(in("10.0.0.100", "10.0.0.100"));
        assertFalse(in("10.0.0.100", "10.0.0.101"));
        assertTrue(in("10.0.0.100/32", "10.0.0.100"));
        assertTrue(in("2001:db8::1/128", "2001:db8::1"));
        assertFalse(in("2001:db8::1/128", "2001:db8::2"));
    }

    @Test
    void ipv6IsTheSameAddressCompressedOrExpanded() {
        assertTrue(in("2001:db8::/32", "2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertTrue(in("2001:0db8:0000:0000:0000:0000:0000:0000/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(in("2001:db8::/32", "2001:db9::"));
        assertEquals("2001:db8::/32", Cidr.parse("2001:0DB8:0000:0000:0000:0000:0000:0000/32").toString());
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertTrue(in("10.0.0.0/8", "::ffff:10.1.2.3"));
        assertTrue(in("::ffff:10.1.2.3", "10.1.2.3"));
        assertEquals("10.1.2.3", Cidr.parse("::ffff:10.1.2.3").toString());
    }

    @Test
    void familiesDoNotMatchEachOther() {
        assertFalse(in("0.0.0.0/0", "::1"));
        assertFalse(in("::/0", "127.0.0.1"));
        assertTrue(in("0.0.0.0/0", "203.0.113.9"));
    }

    @Test
    void ipv4AddressesAreFourDecimalPartsUpTo255WithoutLeadingZeros() throws UnknownHostException {
        for (String good : new String[] {"0.0.0.0", "255.255.255.255", "1.22.199.250", "10.0.0.1", "127.0.0.1", "100.64.0.9"}) {
            assertEquals(InetAddress.getByName(good), Cidr.address(good), good);
        }
        for (String bad : new String[] {"256.0.0.1", "1.2.3.999", "01.2.3.4", "1.2.3.00", "1.2.3.1000", "1..2.3", "1.2.3.4.",
                ".1.2.3.4", "1.2.3.-4", "1.2.3.4 ", "\u0661.2.3.4", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1.2.3.4/32", "+1.2.3.4"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.address(bad), bad);
        }
        assertEquals("an IPv4 part is above 255",
                assertThrows(IllegalArgumentException.class, () -> Cidr.address("1.2.3.256")).getMessage());
    }

    @Test
    void malformedEntriesAreRefusedWithTheReason() {
        for (String bad : new String[] {"10.0.0.0/33", "300.1.1.1", "010.0.0.1", "10.0.0.1/24", "fe80::1%eth0",
                "2001:db8::/129", "1.2.3", "1.2.3.4.5", "example.com", "localhost", "", " ", "1.2.3.4/", "1.2.3.4/-1",
                "1.2.3.4/08", "[::1]", "::1::2", ".1.2.3", "1.2.3.4:80", "10.0.0.0/8/8"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.1/24")).getMessage().contains("host bits"));
    }

    @Test
    void anAllowlistNamesTheBadEntryAndKeepsCanonicalForms() {
        ValidationFailed failed = assertThrows(ValidationFailed.class,
                () -> IpAllowlist.fromRequest("allowed_ips", List.of("192.168.1.0/24", "300.1.1.1")));
        assertTrue(failed.getMessage().contains("300.1.1.1"), failed.getMessage());
        IpAllowlist list = IpAllowlist.fromRequest("allowed_ips", List.of("192.168.1.0/24", "10.0.0.100", "2001:0db8::/32"));
        assertEquals(List.of("192.168.1.0/24", "10.0.0.100", "2001:db8::/32"), list.values());
        assertEquals(list.values(), IpAllowlist.fromStored(list.stored()).values());
        assertTrue(IpAllowlist.fromStored(null).allows(Cidr.address("8.8.8.8")), "empty means unrestricted");
    }
}
