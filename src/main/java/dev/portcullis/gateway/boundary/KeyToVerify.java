package dev.portcullis.gateway.boundary;

/** {@code POST /v1/keys/verify}: the key a backend was given, and the address its client called from. */
public record KeyToVerify(String key, String clientIp) {
}
