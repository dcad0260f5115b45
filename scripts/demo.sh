#!/usr/bin/env bash
# Builds what the market-data demo needs and runs it.
#
#   scripts/demo.sh [--seconds N] [--sql PATH]
#
# Uses $JAVA_HOME when it is a JDK 21 or newer, otherwise the first JDK found in /usr/lib/jvm.
# Extra Maven flags (for example -o for offline) can be passed in MVN_ARGS.
set -euo pipefail

# Paths in the arguments are relative to where the script was called from; make them absolute before cd.
args=()
for a in "$@"; do
  case "$a" in
    --sql=*) f=${a#--sql=}; [ -f "$f" ] && a="--sql=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" ;;
    -*) ;;
    *) [ -f "$a" ] && a="$(cd "$(dirname "$a")" && pwd)/$(basename "$a")" ;;
  esac
  args+=("$a")
done

cd "$(dirname "$0")/.."

. scripts/jdk.sh

# exec:java runs the demo inside Maven's JVM, so the flags Arrow needs go into MAVEN_OPTS.
jvm_flags="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
if [ "$(jdk_version "$JAVA_HOME")" -ge 24 ]; then
  jvm_flags="$jvm_flags --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
fi
export MAVEN_OPTS="${MAVEN_OPTS:-} $jvm_flags"

# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} install -DskipTests -pl laminar-examples -am
# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} exec:java -pl laminar-examples -Dexec.mainClass=io.laminardb.examples.MarketDataDemo -Dexec.args="${args[*]:-}"
