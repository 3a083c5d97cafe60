package dev.portcullis.net;

import dev.portcullis.errors.ValidationFailed;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A parsed allowlist. Empty means "no restriction". */
public final class IpAllowlist {

    public static final IpAllowlist NONE = new IpAllowlist(List.of());
    public static final int MAX_ENTRIES = 100;

    private final List<Cidr> entries;

    private IpAllowlist(List<Cidr> entries) {
        this.entries = entries;
    }

    /** From request input: each bad entry is a 400 naming the entry. */
    public static IpAllowlist fromRequest(String field, List<String> values) {
        if (values == null) {
            throw new ValidationFailed(field, field + " is required");
        }
        if (values.size() > MAX_ENTRIES) {
            throw new ValidationFailed(field, field + " takes at most " + MAX_ENTRIES + " entries");
        }
        Set<Cidr> parsed = new LinkedHashSet<>();
        for (String value : values) {
            try {
                parsed.add(Cidr.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed(field, "Invalid entry '" + printable(value) + "': " + e.getMessage());
            }
        }
        return new IpAllowlist(List.copyOf(parsed));
    }

    /** From storage: the comma-separated canonical forms written by {@link #stored()}. */
    public static IpAllowlist fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : stored.split(",")) {
            parsed.add(Cidr.parse(entry));
        }
        return new IpAllowlist(List.copyOf(parsed));
    }

    /** An unknown address (null) is allowed by no list but the empty one. */
    public boolean allows(InetAddress address) {
        return entries.isEmpty() || address != null && entries.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** The rule of every credential: on its tenant's list and on its own, wherever one is set. */
    public static boolean allowedByBoth(IpAllowlist tenantList, IpAllowlist keyList, InetAddress address) {
        return tenantList.allows(address) && keyList.allows(address);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<String> values() {
        return entries.stream().map(Cidr::toString).toList();
    }

    public String stored() {
        return entries.isEmpty() ? null : String.join(",", values());
    }

    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
