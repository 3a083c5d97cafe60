#!/usr/bin/env bash
# Benchmark (not a test): what durable commits cost the write paths on the embedded H2. Two servers run
# side by side, one with the shipped H2 URL (WRITE_DELAY=0, RETENTION_TIME=1000: every commit is in the
# file before the answer) and one with H2's defaults (commits reach the file up to 500 ms later, and a
# crash loses them). Each round measures, on both back to back: key creation (one insert), key change
# (one update, dropped from every node's cache) and refresh (spend one token, insert the next, sign a
# JWT). Prints the median over the rounds of durable / delayed per path; wrk and both servers share the
# machine's cores, so compare the ratios.
#
#   bench/writes.sh
#   ROUNDS=5 DURATION=10s bench/writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-3}

# server.sh starts one server per sourcing; keep what each one set before starting the next
DB_URL='jdbc:h2:file:${portcullis.data-dir}/portcullis;DB_CLOSE_ON_EXIT=FALSE' PORT=18183 HZ_PORT=26983 source bench/server.sh
delayed_work=$work
trap 'kill $(cat "$delayed_work/pid" 2>/dev/null) 2>/dev/null; rm -rf "$delayed_work"' EXIT
delayed_b=$B
delayed_admin=$ADMIN
source bench/server.sh
trap 'kill $(cat "$work/pid" "$delayed_work/pid" 2>/dev/null) 2>/dev/null; wait 2>/dev/null; rm -rf "$work" "$delayed_work"' EXIT

# Scripts for one server: $1 name, $2 base URL, $3 its admin key
prepare() {
    local name=$1 base=$2 admin=$3 tenant key_id tokens
    tenant=$(curl -s -X POST "$base/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"name":"bench","plan":"enterprise","rate_limit":{"per_minute":1000000000,"per_day":1000000000}}' | json id)
    key_id=$(curl -s -X POST "$base/v1/keys" -H "Authorization: Bearer $admin" -H "X-Tenant-ID: $tenant" \
        -H 'Content-Type: application/json' -d '{"name":"changed"}' | json id)
    curl -s -X POST "$base/v1/users" -H "Authorization: Bearer $admin" -H "X-Tenant-ID: $tenant" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"benchmark password","role":"member"}' >/dev/null
    local login="{\"email\":\"bench@example.com\",\"password\":\"benchmark password\",\"tenant_id\":\"$tenant\"}"
    for method in POST PATCH; do
        cat > "$work/$name-$method.lua" <<LUA
wrk.method = "$method"
wrk.body = '{"name":"bench"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $admin"
wrk.headers["X-Tenant-ID"] = "$tenant"
LUA
    done
    echo "$key_id" > "$work/$name-key"
    # as in bench/sessions.sh: one refresh-token chain per connection, enough chains for every round
    tokens=""
    for _ in $(seq 1 $((2 * ROUNDS + 2))); do
        tokens="$tokens\"$(curl -s -X POST "$base/v1/auth/login" -H 'Content-Type: application/json' -d "$login" | json refresh_token)\","
    done
    cat > "$work/$name-refresh.lua" <<LUA
local tokens = { $tokens }
local used = 0
function setup(thread)
  used = used + 1
  thread:set("token", tokens[used])
end
function request()
  return wrk.format("POST", "/v1/auth/refresh", { ["Content-Type"] = "application/json" },
                    '{"refresh_token":"' .. token .. '"}')
end
function response(status, headers, body)
  local fresh = body:match('"refresh_token":"([^"]+)"')
  if fresh then token = fresh end
end
LUA
}
prepare durable "$B" "$ADMIN"
prepare delayed "$delayed_b" "$delayed_admin"

# req/s of one path on one server: $1 server name, $2 base URL, $3 path
one() {
    case $3 in
        create) wrk -t2 -c4 -d"$DURATION" -s "$work/$1-POST.lua" "$2/v1/keys" ;;
        change) wrk -t2 -c4 -d"$DURATION" -s "$work/$1-PATCH.lua" "$2/v1/keys/$(cat "$work/$1-key")" ;;
        refresh) wrk -t1 -c1 -d"$DURATION" -s "$work/$1-refresh.lua" "$2/v1/auth/refresh" ;;
    esac | awk '/Requests\/sec/ {print $2}'
}
for path in create change; do one durable "$B" $path >/dev/null; one delayed "$delayed_b" $path >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
    for path in create change refresh; do
        echo "$path $(one durable "$B" $path) $(one delayed "$delayed_b" $path)"
    done
done | awk "$AWK_MEDIAN"'
    { n[$1]++; r[$1, n[$1]] = $2 / $3; d[$1] += $2; l[$1] += $3 }
    function path_median(p,   i, a) { for (i = 1; i <= n[p]; i++) a[i] = r[p, i]; return median(a, n[p]) }
    END {
        split("create change refresh", order, " ")
        name["create"] = "key creation (insert)"; name["change"] = "key change (update, caches dropped)"
        name["refresh"] = "refresh (spend, insert, sign)"
        for (i = 1; i <= 3; i++) { p = order[i]
            printf "%-38s durable %6.0f /s, delayed %6.0f /s (means); median durable/delayed %.2fx\n",
                   name[p], d[p] / n[p], l[p] / n[p], path_median(p) }
    }'
