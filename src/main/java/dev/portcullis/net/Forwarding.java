package dev.portcullis.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who the client is and whether it used TLS, when proxies stand in between. Headers count only when
 * the socket peer is a trusted proxy: then the client is the rightmost address of the forwarding
 * header that is not itself a trusted proxy (everything left of it could have been written by the
 * client), and the protocol is the rightmost {@code X-Forwarded-Proto} value.
 *
 * <p>With {@code Forwarded} (RFC 7239) as the address header, the addresses are its {@code for=}
 * parameters and the protocol is the {@code proto=} of its rightmost element, the one the nearest
 * proxy wrote. A hidden client ({@code for=unknown} or an obfuscated {@code _name}) where the client
 * should be is refused: its allowlists could not be checked.
 */
public record Forwarding(IpAllowlist trustedProxies, String addressHeader) {

    public static final String PROTO = "X-Forwarded-Proto";
    public static final String FORWARDED = "Forwarded";

    public boolean trusts(InetAddress peer) {
        return !trustedProxies.isEmpty() && trustedProxies.allows(peer);
    }

    /** The header that carries the client's protocol. */
    public String protoHeader() {
        return rfc7239() ? FORWARDED : PROTO;
    }

    private boolean rfc7239() {
        return FORWARDED.equalsIgnoreCase(addressHeader);
    }

    /** {@code headerValues}: every value of the configured address header, in order. */
    public InetAddress client(InetAddress peer, List<String> headerValues) {
        if (!trusts(peer) || headerValues == null || headerValues.isEmpty()) {
            return peer;
        }
        // null stands for a hop the proxy would not or could not name
        List<InetAddress> hops = new ArrayList<>();
        for (String entry : rfc7239() ? forwardedFor(headerValues) : commaSeparated(headerValues)) {
            hops.add(address(entry));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (hops.get(i) == null) {
                throw new InvalidForwardingHeader(addressHeader);
            }
            if (!trustedProxies.allows(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** Whether the client's request was HTTPS, by the connection itself or a trusted proxy's word. */
    public boolean secure(boolean tls, InetAddress peer, List<String> protoValues) {
        if (tls || !trusts(peer) || protoValues == null || protoValues.isEmpty()) {
            return tls;
        }
        String proto;
        if (rfc7239()) {
            List<Map<String, String>> elements = elements(protoValues);
            proto = elements.isEmpty() ? null : elements.get(elements.size() - 1).get("proto");
            if (proto == null) {
                return false;
            }
        } else {
            String last = protoValues.get(protoValues.size() - 1);
            proto = last.substring(last.lastIndexOf(',') + 1);
        }
        proto = proto.strip().toLowerCase(Locale.ROOT);
        if (!proto.equals("https") && !proto.equals("http")) {
            throw new InvalidForwardingHeader(protoHeader());
        }
        return proto.equals("https");
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /** The {@code for=} node of every element, in order; elements without one name no hop. */
    private List<String> forwardedFor(List<String> values) {
        List<String> nodes = new ArrayList<>();
        for (Map<String, String> element : elements(values)) {
            String node = element.get("for");
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /**
     * A node as an address: {@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code [2001:db8::1]} or
     * {@code [2001:db8::1]:8080}; null for {@code unknown} and obfuscated {@code _names}.
     */
    private InetAddress address(String node) {
        if (rfc7239() && (node.equalsIgnoreCase("unknown") || node.startsWith("_"))) {
            return null;
        }
        String host = node;
        if (rfc7239() && node.startsWith("[")) {
            int end = node.indexOf(']');
            host = end < 0 ? node : node.substring(1, end);
        } else if (rfc7239() && node.indexOf(':') > 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            host = node.substring(0, node.indexOf(':'));
        }
        try {
            return Cidr.address(host);
        } catch (IllegalArgumentException e) {
            throw new InvalidForwardingHeader(addressHeader);
        }
    }

    /**
     * RFC 7239 elements (comma-separated) of name=value pairs (semicolon-separated), by lower-case
     * name, values unquoted.
     */
    private static List<Map<String, String>> elements(List<String> values) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String value : values) {
            Map<String, String> element = new HashMap<>();
            StringBuilder name = new StringBuilder();
            StringBuilder text = new StringBuilder();
            StringBuilder current = name;
            boolean quoted = false;
            for (int i = 0; i <= value.length(); i++) {
                char c = i < value.length() ? value.charAt(i) : ',';
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                    } else if (c == '\\' && i + 1 < value.length()) {
                        current.append(value.charAt(++i));
                    } else {
                        current.append(c);
                    }
                } else if (c == '"' && current == text) {
                    quoted = true;
                } else if (c == '=' && current == name) {
                    current = text;
                } else if (c == ';' || c == ',') {
                    if (current == text && !name.toString().isBlank()) {
                        element.putIfAbsent(name.toString().strip().toLowerCase(Locale.ROOT), text.toString().strip());
                    } else if (!name.toString().isBlank()) {
                        throw new InvalidForwardingHeader(FORWARDED);
                    }
                    name.setLength(0);
                    text.setLength(0);
                    current = name;
                    if (c == ',') {
                        if (!element.isEmpty()) {
                            elements.add(element);
                        }
                        element = new HashMap<>();
                    }
                } else {
                    current.append(c);
                }
            }
            if (quoted) {
                throw new InvalidForwardingHeader(FORWARDED);
            }
        }
        return elements;
    }
}
