/**
 * Addresses and the network: literal IPv4 and IPv6 addresses and CIDR blocks (never resolved through
 * DNS), allowlists of them, and who the client is and whether it used TLS behind trusted proxies
 * ({@code X-Forwarded-For} / {@code X-Real-IP} / RFC 7239 {@code Forwarded}). No feature imports.
 */
package dev.portcullis.net;
