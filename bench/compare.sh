#!/usr/bin/env bash
# Benchmark (not a test): two builds side by side, to tell whether a change made the API-key path cheaper
# on a machine whose speed drifts by more than the change. Both servers run at once; each round measures
# bare and API key on one, then on the other (which one goes first alternates), so drift and the other
# core's load hit both builds alike. Prints each round and, per build, the medians of API key / bare and
# of the keyed request's server CPU above bare.
#
#   bench/compare.sh <build A> <build B>      # directories holding portcullis.war and portcullis-grid.jar
#   git worktree add /tmp/before HEAD~1 && (cd /tmp/before && mvn -q -B package -DskipTests)
#   bench/compare.sh /tmp/before/target target
set -euo pipefail
[ $# = 2 ] || { sed -n 2,10p "$0"; exit 2; }
a=$(realpath "$1"); b=$(realpath "$2")
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
ROUNDS=${ROUNDS:-8}

# server.sh starts one server per sourcing; keep what each one set before starting the next
WAR=$a/portcullis.war GRID_JAR=$a/portcullis-grid.jar PORT=18184 HZ_PORT=26984 source bench/server.sh
bench_key
a_work=$work a_base=$B a_key=$KEY
trap 'kill $(cat "$a_work/pid" 2>/dev/null) 2>/dev/null; rm -rf "$a_work"' EXIT
WAR=$b/portcullis.war GRID_JAR=$b/portcullis-grid.jar PORT=18185 HZ_PORT=26985 source bench/server.sh
bench_key
b_work=$work b_base=$B b_key=$KEY
trap 'kill $(cat "$a_work/pid" "$b_work/pid" 2>/dev/null) 2>/dev/null; wait 2>/dev/null; rm -rf "$a_work" "$b_work"' EXIT
for log in "$a_work/server.log" "$b_work/server.log"; do
    grep -q "only member: rate limits are decided in place" "$log" || { echo "a server is not deciding alone: $log"; exit 1; }
done

# One build's bare and keyed figures: "<bare req/s> <CPU us> <keyed req/s> <CPU us>"
measure() {   # $1: A or B
    if [ "$1" = A ]; then work=$a_work B=$a_base KEY=$a_key; else work=$b_work B=$b_base KEY=$b_key; fi
    echo "$(rate "$B/v1/health") $(rate -H "Authorization: Bearer $KEY" "$B/v1/health")"
}
for _ in $(seq 1 "$WARMUP_ROUNDS"); do
    DURATION=$WARMUP measure A >/dev/null
    DURATION=$WARMUP measure B >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
    order="A B"; [ $((round % 2)) = 0 ] && order="B A"
    for build in $order; do echo "$round $build $(measure "$build")"; done
done | awk -v a="$a" -v b="$b" "$AWK_MEDIAN"'
    { printf "round %d %s: bare %6.0f req/s (%5.1f us CPU/req)  API key %6.0f (%5.1f) = %.3fx, +%.1f us\n",
             $1, $2, $3, $4, $5, $6, $5 / $3, $6 - $4
      n[$2]++; ratio[$2, n[$2]] = $5 / $3; extra[$2, n[$2]] = $6 - $4 }
    function build_median(build, values,   v, i) {
        for (i = 1; i <= n[build]; i++) v[i] = values[build, i]
        return median(v, n[build])
    }
    END {
        printf "A (%s): API key %.3fx bare, keyed CPU +%.1f us (medians of %d rounds)\n", a, build_median("A", ratio), build_median("A", extra), n["A"]
        printf "B (%s): API key %.3fx bare, keyed CPU +%.1f us (medians of %d rounds)\n", b, build_median("B", ratio), build_median("B", extra), n["B"]
    }'
