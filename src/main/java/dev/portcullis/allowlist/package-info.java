/**
 * IP allowlists: a tenant-wide list ({@code /v1/auth/ip-allowlist}, as the AudiModal seed shows it)
 * and a list per key; when both are set a request must satisfy both. Entries are IPv4 or IPv6
 * addresses or CIDR blocks, parsed strictly and never resolved through DNS; {@code ::ffff:a.b.c.d} is
 * the IPv4 address a.b.c.d. Changes apply from the next request.
 */
package dev.portcullis.allowlist;
