package dev.portcullis.security;

import dev.portcullis.allowlist.control.Cidr;
import dev.portcullis.allowlist.control.IpAllowlist;
import dev.portcullis.errors.InvalidForwardingHeader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is and whether it used TLS, when proxies stand in between. Headers count only when
 * the socket peer is a trusted proxy: then the client is the rightmost address of the forwarding
 * header that is not itself a trusted proxy (everything left of it could have been written by the
 * client), and the protocol is the rightmost {@code X-Forwarded-Proto} value.
 */
public record Forwarding(IpAllowlist trustedProxies, String addressHeader) {

    public static final String PROTO = "X-Forwarded-Proto";

    public boolean trusts(InetAddress peer) {
        return !trustedProxies.isEmpty() && trustedProxies.allows(peer);
    }

    /** {@code headerValues}: every value of the configured address header, in order. */
    public InetAddress client(InetAddress peer, List<String> headerValues) {
        if (!trusts(peer) || headerValues == null || headerValues.isEmpty()) {
            return peer;
        }
        List<InetAddress> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                try {
                    hops.add(Cidr.address(entry.strip()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidForwardingHeader(addressHeader);
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
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
        String last = protoValues.get(protoValues.size() - 1);
        String proto = last.substring(last.lastIndexOf(',') + 1).strip().toLowerCase(java.util.Locale.ROOT);
        if (!proto.equals("https") && !proto.equals("http")) {
            throw new InvalidForwardingHeader(PROTO);
        }
        return proto.equals("https");
    }
}
