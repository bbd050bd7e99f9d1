#!/usr/bin/env bash
# Server-side form validation latency (expense claim with 20 and 200 sub-table rows), see README.md §Form validation.
# Usage: bench/jmh-forms.sh [baseUrl] [threads]   (the server must already run on loopback, demo profile)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://localhost:18080}"
THREADS="${2:-1}"
./mvnw -q -f bench/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
java -cp "bench/target/test-classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main \
    'org.onecampus.bench.jmh.FormValidationBenchmark' -t "$THREADS" -f 1 -wi 3 -w 5s -i 5 -r 5s \
    -p baseUrl="$BASE_URL" -rf json -rff bench/target/jmh-forms.json
