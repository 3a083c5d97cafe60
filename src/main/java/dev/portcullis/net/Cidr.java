package dev.portcullis.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An address block such as {@code 192.168.1.0/24} or {@code 2001:db8::/32}; a plain address is a /32
 * or /128. Parsing is strict: leading zeros ({@code 010.0.0.1}), out-of-range parts, prefixes beyond
 * the family's width, host bits set below the prefix and IPv6 zone ids are all refused. Nothing here
 * ever performs a DNS lookup.
 */
public final class Cidr {

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses one allowlist entry; the message of the exception says what is wrong with it. */
    public static Cidr parse(String entry) {
        if (entry == null) {
            throw new IllegalArgumentException("an entry is empty");
        }
        String text = entry.strip();
        int slash = text.indexOf('/');
        InetAddress address = address(slash < 0 ? text : text.substring(0, slash));
        int width = address.getAddress().length * 8;
        int prefix = width;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(bits) > width) {
                throw new IllegalArgumentException("the prefix length must be 0 to " + width);
            }
            prefix = Integer.parseInt(bits);
        }
        byte[] bytes = address.getAddress();
        if (!Arrays.equals(bytes, mask(bytes, prefix))) {
            throw new IllegalArgumentException("host bits are set below the /" + prefix + " prefix");
        }
        return new Cidr(bytes, prefix);
    }

    /**
     * A literal IPv4 or IPv6 address, never a host name. IPv4-mapped IPv6 addresses come back as the
     * IPv4 address they carry.
     */
    public static InetAddress address(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("not an IP address");
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        if (!IPV6_CHARACTERS.matcher(text).matches() || text.charAt(0) == '.') {
            throw new IllegalArgumentException("not an IPv6 address (zone ids and brackets are not allowed)");
        }
        try {
            // Safe: a text that starts with a hex digit or ':' is only ever parsed as a literal by
            // InetAddress, never resolved; everything else was refused above.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address");
        }
    }

    /**
     * Four decimal parts without leading zeros, read by hand: every request's client address comes here,
     * and a pattern, a split and {@link InetAddress}'s own parser cost more than the rest of the check.
     */
    private static InetAddress ipv4(String text) {
        byte[] bytes = new byte[4];
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || parts == 4) {
                    throw new IllegalArgumentException("not an IPv4 address");
                }
                if (value > 255) {
                    throw new IllegalArgumentException("an IPv4 part is above 255");
                }
                bytes[parts++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                throw new IllegalArgumentException("not an IPv4 address");
            }
        }
        if (parts != 4) {
            throw new IllegalArgumentException("not an IPv4 address");
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    /** The canonical form: compressed for IPv6, without the prefix for single addresses. */
    @Override
    public String toString() {
        String host;
        try {
            host = InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        if (!isIpv4()) {
            host = compress(host);
        }
        return prefix == network.length * 8 ? host : host + "/" + prefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefix == prefix && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    /** Java prints IPv6 in full; the longest run of zero groups becomes {@code ::}. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
