package dev.portcullis.net;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A route a key may call: {@code METHOD /path}, where the method may be {@code *} (any) and the path's
 * segments may be {@code *} (exactly one segment) or end in {@code **} (anything below, the path itself
 * included): {@code GET /v1/rubrics/**}, {@code POST /v1/rubrics/*}/evaluations}, {@code * /v1/health}.
 * Paths are compared as sent, without query, after removing a trailing slash.
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

    private static String trimmed(String path) {
        int query = path.indexOf('?');
        String withoutQuery = query < 0 ? path : path.substring(0, query);
        return withoutQuery.length() > 1 && withoutQuery.endsWith("/") ? withoutQuery.substring(0, withoutQuery.length() - 1) : withoutQuery;
    }
}
