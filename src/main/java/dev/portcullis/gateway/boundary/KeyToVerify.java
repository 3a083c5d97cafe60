package dev.portcullis.gateway.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/keys/verify}: the key a backend was handed, and the address its client called from.
 * Whatever the client sent is the backend's to relay: junk is a verdict, not a 400; the bound only
 * keeps absurd bodies out.
 */
public record KeyToVerify(@NotNull(message = "is required") @Size(min = 1, max = 8192, message = "must be 1 to 8192 characters") String key,
                          String clientIp) {
}
