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

    public record KeyToVerify(String key, String clientIp) {

        @Override
        public String toString() {
            return "KeyToVerify[key=[REDACTED], clientIp=" + clientIp + "]";
        }
    }

    public record AllowedIps(List<String> allowedIps) {
    }

    public record PlanList(List<Plan> data) {
    }
}
