package dev.portcullis.security;

import java.util.Set;

/**
 * Every scope a key can carry, one per kind of access a resource declares with
 * {@link RequiresScope}. A key without scopes has its role's full rights; a key with scopes may only
 * call methods that declare one of them, and its role must still allow the method.
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

    public static final Set<String> ALL = Set.of(KEYS_READ, KEYS_MANAGE, KEYS_VERIFY, USERS_READ, USERS_MANAGE, TENANTS_READ,
            TENANTS_MANAGE, PLANS_READ, PLANS_MANAGE, USAGE_READ, ALLOWLIST_READ, ALLOWLIST_MANAGE, FILES_READ, FILES_WRITE);

    private Scopes() {
    }

    public static String names() {
        return String.join(", ", ALL.stream().sorted().toList());
    }
}
