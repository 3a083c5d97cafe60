#!/usr/bin/env bash
# Benchmark (not a test): logins per second (each one an Argon2id verification) and refreshes per
# second (each one spends a refresh token and signs a new access token), on this machine, with wrk.
#
#   bench/sessions.sh            # needs target/portcullis.war (mvn package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
source bench/server.sh

TENANT=$(curl -s -X POST "$B/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","plan":"enterprise"}' | json id)
bench_user "$TENANT"
refresh_token() { curl -s -X POST "$B/v1/auth/login" -H 'Content-Type: application/json' -d "$LOGIN" | json refresh_token; }

cat > "$work/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$LOGIN'
wrk.headers["Content-Type"] = "application/json"
LUA
# One connection per thread, each with its own refresh-token chain: every answer carries the token
# for the next request (sending one twice would be reuse and revoke the family).
cat > "$work/refresh.lua" <<LUA
local tokens = { "$(refresh_token)", "$(refresh_token)" }
local next_thread = 1
function setup(thread)
  thread:set("token", tokens[next_thread])
  next_thread = next_thread + 1
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

report() { awk -v what="$1" '/Requests\/sec/ {rate=$2} /Non-2xx/ {bad=$NF} END {printf "%-44s %8.1f /s (non-2xx: %d)\n", what, rate, bad+0}'; }
wrk -t2 -c4 -d10s -s "$work/login.lua" "$B/v1/auth/login" >/dev/null
wrk -t2 -c4 -d"$DURATION" -s "$work/login.lua" "$B/v1/auth/login" | report "logins (Argon2id m=19 MiB, t=2):"
wrk -t2 -c2 -d"$DURATION" -s "$work/refresh.lua" "$B/v1/auth/refresh" | report "refreshes (rotate + sign RS256):"
