#!/usr/bin/env bash
# Builds laminar-bench and runs the benchmarks.
#
#   scripts/bench.sh                 end-to-end harness, all queries, batch 1024 and 1 (the defaults below)
#   scripts/bench.sh e2e [ARGS]      end-to-end harness with EndToEndBench arguments (see --help)
#   scripts/bench.sh latency [ARGS]  push-to-subscriber latency at 100,000 events/s (EndToEndBench --latency)
#   scripts/bench.sh jmh [ARGS]      JMH microbenchmarks (java -jar benchmarks.jar ARGS, e.g. Stateless -f 1)
#
# Results go to bench-results/e2e.json (latency: bench-results/e2e-latency.json). SKIP_BUILD=1 reuses the
# last build; MVN_ARGS passes extra Maven flags (for example -o); BENCH_HEAP sets the heap (default 4g).
set -euo pipefail

cd "$(dirname "$0")/.."

pick_jdk() { for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]*-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do [ -x "$d/bin/javac" ] && { echo "$d"; return 0; }; done; return 1; }

# The feature version (21, 25, ...) of the JDK in $1, or nothing.
jdk_version() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  :
elif JAVA_HOME=$(pick_jdk); then
  :
else
  echo "bench.sh: no JDK 21 or newer found; install Temurin 25 or set JAVA_HOME to a JDK >= 21" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
version=$(jdk_version "$JAVA_HOME")

jvm_flags=(-Xms"${BENCH_HEAP:-4g}" -Xmx"${BENCH_HEAP:-4g}" -XX:+AlwaysPreTouch
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
if [ "$version" -ge 24 ]; then
  jvm_flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi

jar=laminar-bench/target/benchmarks.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_ARGS:-} install -DskipTests -pl laminar-bench -am
fi

mode=${1:-default}
[ $# -gt 0 ] && shift
case "$mode" in
  default)
    exec java "${jvm_flags[@]}" -cp "$jar" io.laminardb.bench.EndToEndBench \
      --query all --batch 1024,1 --rows 1000000 --runs 5 --warmup 2 ;;
  e2e)
    exec java "${jvm_flags[@]}" -cp "$jar" io.laminardb.bench.EndToEndBench "$@" ;;
  latency)
    exec java "${jvm_flags[@]}" -cp "$jar" io.laminardb.bench.EndToEndBench --latency "$@" ;;
  jmh)
    exec java -jar "$jar" "$@" ;;
  *)
    echo "usage: scripts/bench.sh [e2e|latency|jmh] [ARGS...]" >&2
    exit 2 ;;
esac
