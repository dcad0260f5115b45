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
  echo "demo.sh: no JDK 21 or newer found; install Temurin 25 or set JAVA_HOME to a JDK >= 21" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

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
