package dev.portcullis.net;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A route a key may call: {@code METHOD /path}, where the method may be {@code *} (any) and the path's
 * segments may be {@code *} (exactly one segment) or end in {@code **} (anything below, the path itself
 * included): {@code GET /v1/rubrics/**}, {@code POST /v1/rubrics/*}/evaluations}, {@code * /v1/health}.
 * Paths are compared as sent, without query, after removing a trailing slash. A path that could mean
 * another path to the server behind (a dot segment, an empty segment, an encoded slash or backslash)
 * matches no route.
 */
public record RoutePattern(String method, String path) {

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]{1,16}");
    private static final Pattern SEGMENT = Pattern.compile("\\*\\*|\\*|[A-Za-z0-9._~!$&'()+,;=:@%-]{1,200}");

    /** Parses {@code METHOD /path}; the message of the exception says what is wrong. */
    public static RoutePattern parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split(" +");
        if (parts.length != 2 || !METHOD.matcher(parts[0].toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("a route is a method (or *) and a path, such as GET /v1/rubrics/**");
        }
        String path = parts[1];
        if (!path.startsWith("/") || path.length() > 1000) {
            throw new IllegalArgumentException("a route's path starts with /");
        }
        String[] segments = trimmed(path).substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments.length == 1 && segments[0].isEmpty()) {
                break;
            }
            if (!SEGMENT.matcher(segments[i]).matches() || (segments[i].equals("**") && i != segments.length - 1)) {
                throw new IllegalArgumentException("a route's path has segments of URL characters, * for one segment "
                        + "and ** only at its end");
            }
        }
        return new RoutePattern(parts[0].toUpperCase(Locale.ROOT), trimmed(path));
    }

    public boolean matches(String requestMethod, String requestPath) {
        return isPlain(requestPath) && matchesPlain(requestMethod, requestPath);
    }

    /** Whether any of {@code routes} matches: the path is looked at once, not once per route. */
    public static boolean anyMatches(Collection<RoutePattern> routes, String requestMethod, String requestPath) {
        return isPlain(requestPath) && routes.stream().anyMatch(route -> route.matchesPlain(requestMethod, requestPath));
    }

    private boolean matchesPlain(String requestMethod, String requestPath) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        String[] wanted = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
        String cleaned = trimmed(requestPath);
        String[] actual = cleaned.equals("/") || cleaned.isEmpty() ? new String[0] : cleaned.substring(1).split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("**")) {
                return true;
            }
            if (i >= actual.length || (!wanted[i].equals("*") && !wanted[i].equals(actual[i]))) {
                return false;
            }
        }
        return wanted.length == actual.length;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /**
     * Whether a request path names itself only. At a gateway the path is the client's, as sent
     * ({@code X-Original-URI} is nginx's {@code $request_uri}), and nginx passes it on as sent: a key for
     * {@code GET /api/rubrics/**} asking for {@code /api/rubrics/../admin} (or {@code %2e%2e}, {@code ..;},
     * {@code %2f}, {@code \}, encoded twice) would match here and reach {@code /api/admin} behind it once
     * the API resolves the dot segment as it should. Empty segments go too ({@code //}, {@code /;x/}: servers
     * merge or drop them, so {@code *} would stand for nothing), but one trailing slash; and a raw {@code #}
     * (a fragment is never sent; some frameworks cut the path there). No client needs such a path. Overlong
     * UTF-8 ({@code %c0%ae}) and {@code %00} are left to the API: no current server decodes them to a dot.
     */
    static boolean isPlain(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.indexOf('#') >= 0) {
            return false;
        }
        int query = requestPath.indexOf('?');
        String[] segments = (query < 0 ? requestPath : requestPath.substring(0, query)).substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean trailingSlash = i == segments.length - 1 && segments[i].isEmpty();
            String decoded = segments[i];
            for (int decodings = 0; ; decodings++) {
                int parameters = decoded.indexOf(';'); // "..;x" is ".." to servlet containers
                String name = parameters < 0 ? decoded : decoded.substring(0, parameters);
                if (name.isEmpty() && !trailingSlash || name.equals(".") || name.equals("..") || decoded.indexOf('\\') >= 0
                        || decodings > 0 && decoded.indexOf('/') >= 0) {
                    return false;
                }
                String further = asciiDecoded(decoded);
                if (further.equals(decoded)) {
                    break;
                }
                if (decodings == 3) {
                    return false; // still encoded after three decodings: no client means that
                }
                decoded = further;
            }
        }
        return true;
    }

    /** The text with its percent-escapes of ASCII characters decoded; any other {@code %} stays. */
    private static String asciiDecoded(String text) {
        int escape = text.indexOf('%');
        if (escape < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length()).append(text, 0, escape);
        for (int i = escape; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c == '%' && i + 2 < text.length()
                    ? Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16) : -1;
            if (value >= 0 && value < 0x80) { // a non-hex digit makes it negative
                decoded.append((char) value);
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static String trimmed(String path) {
        int query = path.indexOf('?');
        String withoutQuery = query < 0 ? path : path.substring(0, query);
        return withoutQuery.length() > 1 && withoutQuery.endsWith("/") ? withoutQuery.substring(0, withoutQuery.length() - 1) : withoutQuery;
    }
}
