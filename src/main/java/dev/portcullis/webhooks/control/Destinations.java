package dev.portcullis.webhooks.control;

import dev.portcullis.net.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may be sent. By default only to {@code https} URLs whose host resolves to public
 * addresses only: a tenant admin must not be able to make Portcullis post into the network it runs in
 * (its database, cloud metadata at 169.254.169.254, an admin port on loopback). The host is resolved
 * and checked at registration and again just before every delivery, because a name that was public at
 * registration may point inward later. {@code webhooks.allow-private-destinations} lifts the address
 * rule and {@code webhooks.allow-http} the scheme rule, for tests and closed networks.
 */
@ApplicationScoped
public class Destinations {

    public static final int MAX_URL_LENGTH = 2048;

    /** Not the public internet: this host, private and shared networks, link-local, multicast, reserved, documentation. */
    static final List<Cidr> INWARD = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                    "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/96", "fc00::/7", "fe80::/10", "fec0::/10",
                    "ff00::/8", "2001:db8::/32", "64:ff9b::/96", "2002::/16")
            .stream().map(Cidr::parse).toList();

    @Inject
    @ConfigProperty(name = "webhooks.allow-private-destinations", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "webhooks.allow-http", defaultValue = "false")
    boolean allowHttp;

    /** The URL a client gave, refused unless it is a plain absolute URL of an allowed scheme; no lookup. */
    public URI parse(String url) {
        return parse(url, allowHttp);
    }

    /** Resolves the URL's host and refuses it unless every address it has is allowed. */
    public void check(URI url) {
        check(url, allowPrivate);
    }

    static URI parse(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw new DestinationRefused("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new DestinationRefused("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DestinationRefused("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new DestinationRefused("url must be an https URL" + (allowHttp ? " or an http one" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DestinationRefused("url must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new DestinationRefused("url must not carry user information or a fragment");
        }
        return uri;
    }

    static void check(URI url, boolean allowPrivate) {
        if (allowPrivate) {
            return;
        }
        String host = url.getHost();
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(literal);
        } catch (UnknownHostException e) {
            throw new DestinationRefused("url's host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String problem = problemWith(address);
            if (problem != null) {
                throw new DestinationRefused("url's host " + host + " resolves to " + address.getHostAddress() + ", " + problem);
            }
        }
    }

    /** Why Portcullis does not send to {@code address} by default, or null when it may. */
    static String problemWith(InetAddress address) {
        // IPv4-mapped IPv6 addresses are taken apart by InetAddress into the IPv4 address they carry.
        for (Cidr inward : INWARD) {
            if (inward.contains(address)) {
                return "which is loopback, private, link-local, multicast or reserved";
            }
        }
        return null;
    }
}
