#!/usr/bin/env bash
# Argon2id hashing rate vs password sign-ins through POST /login, in one JMH run (see README.md §JMH).
# Usage: bench/jmh-password.sh [baseUrl] [threads]   (the server must already run on loopback)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://localhost:18080}"
THREADS="${2:-2}"
./mvnw -q -f bench/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
java -cp "bench/target/test-classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main \
    'org.onecampus.bench.jmh.PasswordSignInBenchmark' -t "$THREADS" -f 1 -wi 2 -w 5s -i 3 -r 10s \
    -p baseUrl="$BASE_URL" -rf json -rff bench/target/jmh-password.json
