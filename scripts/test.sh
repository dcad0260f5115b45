#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine. Test servers later issues need are installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
java -version 2>&1 | head -1
mvn -B -ntp verify "$@"
