package dev.portcullis.access;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scopes narrow what a key may do. A scope is {@code <resource>:<action>}: lower-case letters, digits,
 * {@code _} and {@code -}, each part starting with a letter, at most 64 characters in all
 * ({@code orders:read}, {@code reports:export-csv}). The resources named in {@link #RESERVED} are
 * Portcullis's own, and of those only the scopes listed here exist; every other resource is the
 * application's to name, for its own resources in the WAR ({@link RequiresScope}) or behind a gateway.
 *
 * <p>A key without scopes has its role's full rights; a key with scopes may only call methods that
 * declare one of them, and its role must still allow the method.
 */
public final class Scopes {

    public static final String KEYS_READ = "keys:read";
    public static final String KEYS_MANAGE = "keys:manage";
    public static final String KEYS_VERIFY = "keys:verify";
    public static final String USERS_READ = "users:read";
    public static final String USERS_MANAGE = "users:manage";
    public static final String TENANTS_READ = "tenants:read";
    public static final String TENANTS_MANAGE = "tenants:manage";
    public static final String PLANS_READ = "plans:read";
    public static final String PLANS_MANAGE = "plans:manage";
    public static final String USAGE_READ = "usage:read";
    public static final String ALLOWLIST_READ = "allowlist:read";
    public static final String ALLOWLIST_MANAGE = "allowlist:manage";
    public static final String FILES_READ = "files:read";
    public static final String FILES_WRITE = "files:write";
    public static final String IDENTITIES_READ = "identities:read";
    public static final String IDENTITIES_MANAGE = "identities:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String WEBHOOKS_READ = "webhooks:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    /** Portcullis's own scopes. */
    public static final Set<String> PORTCULLIS = Set.of(KEYS_READ, KEYS_MANAGE, KEYS_VERIFY, USERS_READ, USERS_MANAGE,
            TENANTS_READ, TENANTS_MANAGE, PLANS_READ, PLANS_MANAGE, USAGE_READ, ALLOWLIST_READ, ALLOWLIST_MANAGE,
            FILES_READ, FILES_WRITE, IDENTITIES_READ, IDENTITIES_MANAGE, AUDIT_READ, WEBHOOKS_READ, WEBHOOKS_MANAGE);

    /** Resources whose scopes are Portcullis's to define, now or later. */
    public static final Set<String> RESERVED = Set.of("keys", "users", "tenants", "plans", "usage", "allowlist", "files",
            "identities", "webhooks", "audit", "portcullis");

    public static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*");

    private Scopes() {
    }

    /** Why {@code scope} is not one a key may carry, or null when it is. */
    public static String problemWith(String scope) {
        if (scope == null || scope.length() > MAX_LENGTH || !SYNTAX.matcher(scope).matches()) {
            return "'" + printable(scope) + "' is not a scope: <resource>:<action>, lower-case letters, digits, '_' and '-', "
                    + "at most " + MAX_LENGTH + " characters";
        }
        if (RESERVED.contains(scope.substring(0, scope.indexOf(':'))) && !PORTCULLIS.contains(scope)) {
            return "'" + scope + "' is in a resource reserved for Portcullis's own scopes, which are " + names();
        }
        return null;
    }

    public static boolean isValid(String scope) {
        return problemWith(scope) == null;
    }

    public static String names() {
        return String.join(", ", PORTCULLIS.stream().sorted().toList());
    }

    private static String printable(String scope) {
        if (scope == null) {
            return "null";
        }
        String cut = scope.length() > 70 ? scope.substring(0, 70) + "…" : scope;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
