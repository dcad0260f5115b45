# Sourced by the scripts: selects a JDK >= 21 (Temurin 25 on the build machines) or fails clearly,
# and sets JDK_VERSION to its feature version.
jdk_version() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]*-jdk-amd64 \
           /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$d/bin/javac" ] && { echo "$d"; return 0; }
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || { echo "FATAL: LaminarDB needs a JDK >= 21 (Temurin 25 expected under /usr/lib/jvm); set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
JDK_VERSION=$(jdk_version "$JAVA_HOME")
