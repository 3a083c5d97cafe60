package dev.portcullis.client;

import java.util.List;

/** Bodies of requests that carry only a field or two. */
public final class Requests {

    private Requests() {
    }

    public record Login(String email, String password, String tenantId, String environment) {

        @Override
        public String toString() {
            return "Login[email=" + email + ", password=[REDACTED], tenantId=" + tenantId + ", environment=" + environment + "]";
        }
    }

    public record Refresh(String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[refreshToken=[REDACTED]]";
        }
    }

    public record Roll(Long gracePeriodSeconds) {
    }

    /**
     * {@code method} and {@code path} are the client's request's (the path as sent, a query may follow), which a
     * key restricted to certain routes needs; null fields are not sent.
     */
    public record KeyToVerify(String key, String clientIp, String method, String path) {

        public KeyToVerify(String key, String clientIp) {
            this(key, clientIp, null, null);
        }

        @Override
        public String toString() {
            return "KeyToVerify[key=[REDACTED], clientIp=" + clientIp + ", method=" + method + ", path=" + path + "]";
        }
    }

    public record AllowedIps(List<String> allowedIps) {
    }

    public record PlanList(List<Plan> data) {
    }
}
