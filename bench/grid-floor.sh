#!/usr/bin/env bash
# Benchmark (not a test): the CPU floor of one exact decision in the Data Grid on this machine, without
# HTTP (bench/GridFloor.java says what is measured). Uses the Hazelcast the project builds against.
#
#   bench/grid-floor.sh
#   THREADS=16 RUN_SECONDS=10 ROUNDS=3 bench/grid-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n '/<artifactId>hazelcast<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
jar="$HOME/.m2/repository/com/hazelcast/hazelcast/$version/hazelcast-$version.jar"
[ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="com.hazelcast:hazelcast:$version"
exec java -Xmx512m -Dhazelcast.phone.home.enabled=false -Dhazelcast.logging.type=none \
    -Dthreads="${THREADS:-16}" -Dseconds="${RUN_SECONDS:-10}" -Drounds="${ROUNDS:-3}" \
    -cp "$jar" bench/GridFloor.java
