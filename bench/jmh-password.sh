#!/usr/bin/env bash
# Argon2id hashing rate vs password sign-ins through POST /login, in one JMH run (see README.md §JMH).
# Usage: bench/jmh-password.sh [baseUrl] [threads]   (the server must already run on loopback)
#   ROUNDS=3 (default): the machine is shared, so the run alternates short rounds (each: argon2idVerify
#   then passwordSignIn, 1 warm-up of 5 s and 2 measured iterations of 10 s) and reports the ratio of
#   each round, so both sides of every ratio saw the same background load; the median is the figure.
#   ALTERNATE=1 (default) then also runs AlternatingSignInRatio: the two measurements alternated in
#   3-second slices, CYCLES (default 20) times, which is fairer still on a busy machine. CLIENTS (default
#   THREADS) sets how many sign-ins are in flight in those slices (hashing keeps THREADS threads).
#   KNOWN_DEVICES=1: each browser keeps every account's device cookie, so sign-ins come from known devices
#   (no new-device notice) after each account's first; by default every sign-in is from a new device.
#   FRESH_SESSIONS=1: each sign-in comes from a browser without a session (just opened, or its session ended: a
#   login storm); by default the browser still holds its previous sign-in's live session (another account's).
#   CLIENT=lean: the browsers send with LeanHttpClient (blocking, keep-alive) instead of the JDK's HttpClient,
#   which costs the benchmark's own JVM, on the same two cores, a few milliseconds of CPU per request.
#   WARM=300: the alternating run first signs in for that many seconds, not counted (the server's JIT warm-up).
#   FLOOR=1: then the same alternating run against HashOnlyServer (an HTTP endpoint that only verifies the
#   hash: no framework, session, database or audit), started here on port 18499: the ceiling any server's
#   sign-ins can reach with this client on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://localhost:18080}"
THREADS="${2:-2}"
ROUNDS="${ROUNDS:-3}"
OUT="${OUT:-bench/target/jmh-password}"
./mvnw -q -f bench/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
mkdir -p "$OUT"
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: $(uptime)" | tee "$OUT/round-$round.uptime"
    java -cp "bench/target/test-classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main \
        -jvmArgsAppend "-DknownDevices=$([[ "${KNOWN_DEVICES:-0}" == 1 ]] && echo true || echo false) -DfreshSessions=$([[ "${FRESH_SESSIONS:-0}" == 1 ]] && echo true || echo false)" \
        'org.onecampus.bench.jmh.PasswordSignInBenchmark' -t "$THREADS" -f 1 -wi 1 -w 5s -i 2 -r 10s \
        -p baseUrl="$BASE_URL" -rf json -rff "$OUT/round-$round.json" >"$OUT/round-$round.log"
    uptime >>"$OUT/round-$round.uptime"
done
if [[ "${ALTERNATE:-1}" == 1 ]]; then
    # The same two measurements alternated in 3-second slices (AlternatingSignInRatio), 20 cycles.
    echo "alternating slices: $(uptime)" | tee "$OUT/alternating.uptime"
    java -DknownDevices="$([[ "${KNOWN_DEVICES:-0}" == 1 ]] && echo true || echo false)" -Dclient="${CLIENT:-jdk}" \
        -DfreshSessions="$([[ "${FRESH_SESSIONS:-0}" == 1 ]] && echo true || echo false)" \
        -cp "bench/target/test-classes:$(cat bench/target/jmh.classpath)" \
        org.onecampus.bench.jmh.AlternatingSignInRatio "$BASE_URL" "$THREADS" "${CYCLES:-20}" 3 "${CLIENTS:-$THREADS}" \
        "${WARM:-0}" | tee "$OUT/alternating.txt"
    uptime | tee -a "$OUT/alternating.uptime"
fi
if [[ "${FLOOR:-0}" == 1 ]]; then
    CP="bench/target/test-classes:$(cat bench/target/jmh.classpath)"
    java -cp "$CP" org.onecampus.bench.jmh.HashOnlyServer 18499 "$THREADS" >"$OUT/floor-server.log" 2>&1 &
    FLOOR_PID=$!
    trap 'kill $FLOOR_PID 2>/dev/null' EXIT
    for _ in $(seq 1 30); do grep -q "hash-only" "$OUT/floor-server.log" && break; sleep 1; done
    echo "floor (HashOnlyServer, same client): $(uptime)"
    java -Dclient="${CLIENT:-jdk}" -cp "$CP" org.onecampus.bench.jmh.AlternatingSignInRatio http://localhost:18499 \
        "$THREADS" "${CYCLES:-20}" 3 "${CLIENTS:-$THREADS}" 30 | tee "$OUT/floor.txt"
fi
[[ "$ROUNDS" -eq 0 ]] && exit 0
python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
ratios = []
print("| round | load avg (1 min, before → after) | argon2idVerify (hashes/s) | passwordSignIn (sign-ins/s) | ratio |")
print("|---:|---|---:|---:|---:|")
for r in range(1, rounds + 1):
    scores = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["score"] for b in json.load(open(f"{out}/round-{r}.json"))}
    loads = [line.split("load average:")[1].split(",")[0].strip() for line in open(f"{out}/round-{r}.uptime")]
    ratio = scores["passwordSignIn"] / scores["argon2idVerify"]
    ratios.append(ratio)
    print(f"| {r} | {' → '.join(loads)} | {scores['argon2idVerify']:.1f} | {scores['passwordSignIn']:.1f} | {ratio:.0%} |")
print(f"\nmedian ratio sign-ins / hashes: {statistics.median(ratios):.0%} (goal: 85 %)")
PY
