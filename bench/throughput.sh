#!/usr/bin/env bash
# Benchmark (not a test): throughput of the same server's bare endpoint against the authenticated,
# rate-limited paths (API key, JWT access token), measured in one run with wrk, printed as ratios.
#
# Payara Micro keeps compiling for about a minute of load on 2 cores, so the paths are first warmed up
# in turns (WARMUP_ROUNDS); then ROUNDS rounds each measure bare, API key and JWT back to back, and
# each round gives its own ratios (drift, JIT and the other core's load hit both sides of a round
# alike). The median round is the figure. CPU microseconds per request (server process, from
# /proc) are printed too: steadier than req/s when the machine is noisy. wrk and the server share
# the machine's cores.
#
#   bench/throughput.sh            # builds target/portcullis.war if missing
#   ROUNDS=7 DURATION=15s bench/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}

source bench/server.sh

bench_key
bench_user "$TENANT"
TOKEN=$(curl -s -X POST "$B/v1/auth/login" -H 'Content-Type: application/json' -d "$LOGIN" | json access_token)
for credential in "$KEY" "$TOKEN"; do
    headers=$(curl -s -H "Authorization: Bearer $credential" "$B/v1/health" -o /dev/null -D -)
    grep -qi "^x-ratelimit-limit" <<< "$headers" \
        || { echo "a benchmark credential is not rate limited: $headers"; exit 1; }
done

for _ in $(seq 1 "$WARMUP_ROUNDS"); do
    DURATION=$WARMUP rate "$B/v1/health" >/dev/null
    DURATION=$WARMUP rate -H "Authorization: Bearer $KEY" "$B/v1/health" >/dev/null
    DURATION=$WARMUP rate -H "Authorization: Bearer $TOKEN" "$B/v1/health" >/dev/null
done

for round in $(seq 1 "$ROUNDS"); do
    echo "$round $(rate "$B/v1/health") $(rate -H "Authorization: Bearer $KEY" "$B/v1/health") $(rate -H "Authorization: Bearer $TOKEN" "$B/v1/health")"
done | awk "$AWK_MEDIAN"'
    { bare[NR] = $2; key[NR] = $4 / $2; jwt[NR] = $6 / $2
      printf "round %d: bare %6.0f req/s (%5.1f us CPU/req)  API key %6.0f (%5.1f) = %.2fx  JWT %6.0f (%5.1f) = %.2fx\n",
             $1, $2, $3, $4, $5, $4 / $2, $6, $7, $6 / $2 }
    END {
        n = NR
        printf "median of %d rounds: bare %.0f req/s; API key, authenticated + rate limited %.2fx bare; JWT, authenticated + rate limited %.2fx bare\n",
               n, median(bare, n), median(key, n), median(jwt, n)
    }'
