#!/usr/bin/env bash
# Benchmark (not a test): how the API-key path behaves as the key population grows. One server on
# PostgreSQL (database $SCALE_DB, dropped and made again) with 1,000,000 keys over 1,000 tenants, put
# straight into the tables with JDBC batches (bench/SeedKeys.java), then, in one run:
#  - start time with the million keys in the database (the server started again on them);
#  - wrk with a Lua script spreading requests over 1,000, 100,000 and 1,000,000 distinct keys
#    (each round: 1,000 then 100,000; 1,000,000 once at the end), as ratios of the 1,000-key figure.
#    Before the rounds every one of the 100,000 keys is used once, so that run measures a warm active
#    set; the million exceeds the key cache (500,000 entries) on purpose;
#  - heap per 100,000 active keys (key cache, tenant cache, counters), from the live heap after a
#    full GC before and after the 100,000 keys were first used;
#  - the latency authentication + charge adds at p50 / p99 / p99.9, at a fixed rate of half the
#    1,000-key maximum (bench/Latency.java, an open load), over the 100,000 warm keys against the bare
#    endpoint, before the million-key pass (whose aftermath is no steady state).
# wrk, the client and Payara Micro share the machine's cores: compare the ratios.
#
#   bench/scale.sh
#   KEYS=200000 ROUNDS=3 bench/scale.sh     # a smaller population for a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${KEYS:-1000000}
TENANTS=${TENANTS:-1000}
ACTIVE=${ACTIVE:-100000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
SCALE_DB=${SCALE_DB:-portcullis_scale}
PG=${PG:-127.0.0.1:5432}
command -v psql >/dev/null || { echo "PostgreSQL's psql is needed (and a server at $PG, user postgres)"; exit 1; }

psql -q -h "${PG%:*}" -p "${PG#*:}" -U postgres -c "DROP DATABASE IF EXISTS $SCALE_DB" -c "CREATE DATABASE $SCALE_DB"
export DB_URL="jdbc:postgresql://$PG/$SCALE_DB" DB_USER=postgres DB_PASSWORD=postgres \
       DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
HEAP=${HEAP:-2g}
source bench/server.sh     # first start: the migrations make the tables, the admin key is installed
echo "empty database: started in $STARTED_IN s"
stop_server

m2=$HOME/.m2/repository
java -cp "target/classes:$(ls $m2/org/postgresql/postgresql/*/postgresql-*.jar | tail -1):$m2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar:$(ls $m2/org/eclipse/microprofile/config/microprofile-config-api/*/microprofile-config-api-*.jar | head -1)" \
    -Ddb="$DB_URL" -Dtenants="$TENANTS" -Dcount="$KEYS" -Dkeys="$work/keys.txt" bench/SeedKeys.java
# The seeded tables only. Analysed while empty, usage_daily would be planned as empty: PostgreSQL's cached
# plans then scanned the whole table for every key's first use until autovacuum analysed it again.
psql -q -h "${PG%:*}" -p "${PG#*:}" -U postgres -d "$SCALE_DB" -c "VACUUM ANALYZE tenants, api_keys"

start_server
echo "$KEYS keys in the database: started in $STARTED_IN s"

# Lua for wrk: keys from the file, the first $count of them; "once" uses each once over all threads and stops, "random" draws.
cat > "$work/keys.lua" <<'LUA'
local threads, counter = {}, 0
function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end
function init(args)
    path, count, mode, nthreads = args[1], tonumber(args[2]), args[3], tonumber(args[4])
    keys = {}
    for line in io.lines(path) do
        keys[#keys + 1] = line
        if #keys == count then break end
    end
    math.randomseed(id * 7919)
    next_index = id
end
function request()
    local key
    if mode == "once" then
        key = keys[((next_index - 1) % count) + 1]
        next_index = next_index + nthreads
    else
        key = keys[math.random(count)]
    end
    return wrk.format("GET", "/v1/health", { ["Authorization"] = "Bearer " .. key })
end
function response(status, headers, body)
    if status ~= 200 then
        io.stderr:write("status " .. status .. ": " .. body .. "\n")
        os.exit(1)
    end
    if mode == "once" and next_index > count + nthreads then
        -- each key used once: done (wrk's thread:stop() would idle out the whole duration instead)
        os.exit(0)
    end
end
LUA

# wrk over the first $1 keys ("once" or "random" as $2); prints "<req/s> <Payara Micro CPU us per request>"
keyed() { rate -s "$work/keys.lua" "$B/v1/health" -- "$work/keys.txt" "$1" "$2" 2; }
live_heap_mb() {
    local pid=$(cat "$work/pid")
    jcmd "$pid" GC.run >/dev/null
    jcmd "$pid" GC.heap_info | awk '/used/ && /total/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i + 1)); print $(i + 1) / 1024; exit } }'
}

for _ in 1 2 3; do
    DURATION=$WARMUP rate "$B/v1/health" >/dev/null
    DURATION=$WARMUP keyed 1000 random >/dev/null
done
before=$(live_heap_mb)
echo "using each of $ACTIVE keys once (loads them)"
began=$(date +%s%N); ticks=$(cpu)
wrk -t2 -c"$CONNECTIONS" -d600s -s "$work/keys.lua" "$B/v1/health" -- "$work/keys.txt" "$ACTIVE" once 2 >/dev/null
awk -v ns=$(( $(date +%s%N) - began )) -v ticks=$(( $(cpu) - ticks )) 'BEGIN {
    printf "  cold (each key loaded from the database): %.0f req/s, %.0f us CPU/req\n", '"$ACTIVE"' / (ns / 1e9), ticks * 10000 / '"$ACTIVE"' }'
after=$(live_heap_mb)

for round in $(seq 1 "$ROUNDS"); do
    echo "$round $(rate "$B/v1/health") $(keyed 1000 random) $(keyed "$ACTIVE" random)"
done > "$work/rounds"
awk '{ printf "round %d: bare %6.0f req/s  1k keys %6.0f (%5.1f us CPU/req)  %dk keys %6.0f (%5.1f) = %.2fx of 1k\n", $1, $2, $4, $5, '"$ACTIVE"' / 1000, $6, $7, $6 / $4 }' "$work/rounds"
one_k=$(awk '{print $4}' "$work/rounds" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')

rps=$(( ${one_k%.*} / 2 ))
latency() { java -Durl="$B/v1/health" -Drate="$rps" -Dseconds=20 "$@" bench/Latency.java; }
latency >/dev/null
# Bare and keyed back to back, $ROUNDS times: each percentile is the median of its rounds (one GC pause
# or a neighbour's burst on shared cores moves a single run's p99 by milliseconds).
for _ in $(seq 1 "$ROUNDS"); do
    echo "$(latency) $(latency -Dkeys="$work/keys.txt" -Dcount="$ACTIVE")"
done > "$work/latency"
column_median() { awk -v c="$1" '{print $c}' "$work/latency" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
bare_latency="$(column_median 1) $(column_median 2) $(column_median 3)"
keyed_latency="$(column_median 4) $(column_median 5) $(column_median 6)"

# Last: the million keys at full speed leave hundreds of thousands of usage rows to write and as many
# new cache entries, which is not the steady state the latency above is measured in.
echo "$KEYS keys, random, beyond the key cache"
DURATION=$WARMUP keyed "$KEYS" random >/dev/null
all=$(keyed "$KEYS" random)

echo
echo "summary ($(nproc) cores shared by wrk, the client and the server; PostgreSQL on the same machine)"
echo "  start with $KEYS keys in the database: $STARTED_IN s"
ratio=$(awk '{print $6 / $4}' "$work/rounds" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
awk -v all="${all%% *}" -v one="$one_k" -v ratio="$ratio" 'BEGIN {
    printf "  throughput, median of '"$ROUNDS"' rounds: '"$ACTIVE"' active keys %.2fx of 1,000 keys; '"$KEYS"' keys (random) %.2fx\n", ratio, all / one }'
awk -v b="$before" -v a="$after" 'BEGIN { printf "  heap per 100,000 active keys: %.0f MB (live heap %.0f MB before, %.0f MB after '"$ACTIVE"' keys were used)\n",
    (a - b) * 100000 / ('"$ACTIVE"' - 1000), b, a }'
read -r b50 b99 b999 <<< "$bare_latency"
read -r k50 k99 k999 <<< "$keyed_latency"
echo "  latency at $rps req/s (half the 1,000-key maximum), microseconds, medians of $ROUNDS rounds: bare p50 $b50 p99 $b99 p99.9 $b999; keyed p50 $k50 p99 $k99 p99.9 $k999"
echo "  added by authentication + charge: p50 $((k50 - b50)) us, p99 $((k99 - b99)) us, p99.9 $((k999 - b999)) us"
