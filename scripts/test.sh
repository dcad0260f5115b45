#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine. Test servers later issues need are installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
# PostgreSQL server binaries for the lookup-table tests (started per test class on loopback, never as a service).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${LAMINAR_PG_BIN:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "FATAL: PostgreSQL server binaries missing; run 'sudo apt-get install -y postgresql'" >&2; exit 1
  fi
fi
. scripts/jdk.sh
java -version 2>&1 | head -1
# -Pcompare also builds the Flink/Esper/Siddhi comparison adapters and runs their correctness smoke test
# (CompareAdaptersTest: every engine x query checked against the reference on 20,000 events, no timing).
mvn -B -ntp verify -Pcompare "$@"
