#!/usr/bin/env bash
# Benchmark (not a test): throughput of the same server's bare endpoint against the authenticated,
# rate-limited paths (API key, JWT access token), measured in one run with wrk, printed as ratios. Numbers are noisy on 2 cores
# shared by wrk and the server; compare ratios, not absolute figures.
#
#   bench/throughput.sh            # needs target/portcullis.war (mvn package -DskipTests)
#   DURATION=30s bench/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}

source bench/server.sh

TENANT=$(curl -s -X POST "$B/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","plan":"enterprise","rate_limit":{"per_minute":1000000000,"per_day":1000000000}}' | json id)
KEY=$(curl -s -X POST "$B/v1/keys" -H "Authorization: Bearer $ADMIN" -H "X-Tenant-ID: $TENANT" \
    -H 'Content-Type: application/json' -d '{"name":"bench","role":"member"}' | json key)
curl -s -X POST "$B/v1/users" -H "Authorization: Bearer $ADMIN" -H "X-Tenant-ID: $TENANT" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"benchmark password","role":"member"}' >/dev/null
TOKEN=$(curl -s -X POST "$B/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"benchmark password\",\"tenant_id\":\"$TENANT\"}" | json access_token)
headers=$(curl -s -H "Authorization: Bearer $KEY" "$B/v1/health" -o /dev/null -D -)
echo "$headers" | grep -qi "^x-ratelimit-limit" \
    || { echo "the benchmark key is not rate limited: $headers"; { grep -A20 "Rate-limit store" "$work/server.log" | head -40 || true; }; exit 1; }

rate() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ {print $2}'; }
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$B/v1/health" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $KEY" "$B/v1/health" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$B/v1/health" >/dev/null

# Interleaved, so that drift (JIT, GC, the other core's load) hits both sides alike.
bare1=$(rate "$B/v1/health")
keyed1=$(rate -H "Authorization: Bearer $KEY" "$B/v1/health")
bare2=$(rate "$B/v1/health")
keyed2=$(rate -H "Authorization: Bearer $KEY" "$B/v1/health")
jwt1=$(rate -H "Authorization: Bearer $TOKEN" "$B/v1/health")
bare3=$(rate "$B/v1/health")
jwt2=$(rate -H "Authorization: Bearer $TOKEN" "$B/v1/health")

awk -v b1="$bare1" -v b2="$bare2" -v b3="$bare3" -v k1="$keyed1" -v k2="$keyed2" -v j1="$jwt1" -v j2="$jwt2" 'BEGIN {
    b = (b1 + b2 + b3) / 3; k = (k1 + k2) / 2; j = (j1 + j2) / 2;
    printf "bare GET /v1/health (no credential):          %8.0f req/s (runs: %.0f, %.0f, %.0f)\n", b, b1, b2, b3;
    printf "API key, authenticated + rate limited:        %8.0f req/s (runs: %.0f, %.0f) = %.2fx bare\n", k, k1, k2, k / b;
    printf "JWT access token, authenticated + limited:    %8.0f req/s (runs: %.0f, %.0f) = %.2fx bare\n", j, j1, j2, j / b;
}'
