#!/usr/bin/env bash
# Builds laminar-bench and runs the benchmarks.
#
#   scripts/bench.sh                 end-to-end harness, all queries (stateless and windowed), batch 1024 and 1
#   scripts/bench.sh e2e [ARGS]      end-to-end harness with EndToEndBench arguments (see --help)
#   scripts/bench.sh latency [ARGS]  push-to-subscriber latency at 100,000 events/s (EndToEndBench --latency)
#   scripts/bench.sh jmh [ARGS]      JMH microbenchmarks (java -jar benchmarks.jar ARGS, e.g. Stateless -f 1)
#   scripts/bench.sh jmh-window [ARGS]  the window hot-path microbenchmarks (assignment, accumulators, group
#                                    lookup, window firing) with the GC profiler (B/op); ARGS go to JMH
#   scripts/bench.sh fraud [ARGS]    the six-stream fraud-detection pipeline in one database (FraudPipelineBench:
#                                    --trades N --runs K --warmup W --seed S --out PATH); bench-results/fraud.json
#   scripts/bench.sh compare [ARGS]  side by side with Apache Flink (p1, p2), Esper, Siddhi and hand-written loops:
#                                    builds with -Pcompare (no install), runs CompareBench (see its Javadoc for
#                                    ARGS), writes laminar-bench/target/compare/compare.json and compare.txt
#
# Results go to bench-results/e2e.json (latency: bench-results/e2e-latency.json). SKIP_BUILD=1 reuses the
# last build; MVN_ARGS passes extra Maven flags (for example -o); BENCH_HEAP sets the heap (default 4g).
set -euo pipefail

cd "$(dirname "$0")/.."

. scripts/jdk.sh
version=$JDK_VERSION

jvm_flags=(-Xms"${BENCH_HEAP:-4g}" -Xmx"${BENCH_HEAP:-4g}" -XX:+AlwaysPreTouch
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
if [ "$version" -ge 24 ]; then
  jvm_flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi

if [ "${1:-}" = compare ]; then
  shift
  if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f laminar-bench/target/compare.classpath ]; then
    # shellcheck disable=SC2086
    mvn -B -q -ntp ${MVN_ARGS:-} -Pcompare package -DskipTests -pl laminar-bench -am
  fi
  mkdir -p laminar-bench/target/compare
  # Flink and Siddhi log through slf4j-simple; errors only.
  java "${jvm_flags[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "laminar-bench/target/classes:$(cat laminar-bench/target/compare.classpath)" \
    io.laminardb.bench.compare.CompareBench --out laminar-bench/target/compare/compare.json "$@" \
    2> >(grep -v '^ANTLR .* version 4.11.1' >&2) | tee laminar-bench/target/compare/compare.txt
  exit "${PIPESTATUS[0]}"
fi

jar=laminar-bench/target/benchmarks.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_ARGS:-} package -DskipTests -pl laminar-bench -am
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
  fraud)
    exec java "${jvm_flags[@]}" -cp "$jar" io.laminardb.bench.FraudPipelineBench "$@" ;;
  jmh)
    exec java -jar "$jar" "$@" ;;
  jmh-window)
    exec java -jar "$jar" 'WindowAssignBenchmark|AccumulatorBenchmark|GroupLookupBenchmark|WindowFiringBenchmark' \
      -prof gc "$@" ;;
  *)
    echo "usage: scripts/bench.sh [e2e|latency|fraud|jmh|jmh-window|compare] [ARGS...]" >&2
    exit 2 ;;
esac
