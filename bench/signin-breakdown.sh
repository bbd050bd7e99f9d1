#!/usr/bin/env bash
# Where the CPU of one password sign-in goes, from samples of the whole machine (perf) while
# bench/request-cost.sh signs in against a running OneCampus: the Argon2id hash itself (libargon2), the
# wipe of its 19 MiB after each hash (memset), the rest of the server's JVM, its JIT compiler threads, the
# embedded PostgreSQL, everything else (mostly the load's own client) and idle time, in milliseconds of CPU per
# sign-in. request-cost.sh's /proc figures put the hash and the rest of the JVM together; this splits them,
# so the cost a change moves outside the hash (about a tenth of the whole) is not lost in the hash's noise.
#
#   bench/signin-breakdown.sh BASE_URL SERVER_PID DATA_DIR [SECONDS]
#
# KNOWN_DEVICES and FRESH_SESSIONS are passed on to request-cost.sh. Needs perf (Debian: linux-perf), run as
# root or with kernel.perf_event_paranoid <= 0; measures the whole machine, so keep it otherwise quiet and
# run one server at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$1; PID=$2; DATA=$3; SECONDS_=${4:-30}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
bench/request-cost.sh signin "$BASE" "$PID" "$DATA" $((SECONDS_ + 4)) 8 >"$OUT/cost.txt" &
LOAD=$!
sleep 2
perf record -a -F 997 -o "$OUT/perf.data" -- sleep "$SECONDS_" >/dev/null 2>&1
wait $LOAD
cat "$OUT/cost.txt"
RATE=$(grep -o 'rate=[0-9.]*' "$OUT/cost.txt" | cut -d= -f2)
perf script -i "$OUT/perf.data" -F comm,pid,ip,sym,dso 2>/dev/null | python3 -c '
import collections, sys
pid, rate, seconds, hz = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), 997.0
samples = collections.Counter()
for line in sys.stdin:
    tokens = line.split()
    at = next((i for i, t in enumerate(tokens) if t.isdigit()), None)
    if at is None:
        continue
    comm, owner = " ".join(tokens[:at]), int(tokens[at])
    if owner == pid:
        if "libargon2" in line:
            bucket = "hash"
        elif "memset" in line and "libc" in line:
            bucket = "hash memory wipe"
        elif "Compiler" in comm:
            bucket = "server JIT compiler"
        else:
            bucket = "server, rest"
    elif comm == "postgres":
        bucket = "PostgreSQL"
    elif comm == "swapper":
        bucket = "idle"
    else:
        bucket = "other processes (the client, ...)"
    samples[bucket] += 1
signins = rate * seconds
print(f"| per sign-in ({rate:.1f} sign-ins/s) | ms of CPU |")
print("|---|---:|")
for bucket in ["hash", "hash memory wipe", "server, rest", "server JIT compiler", "PostgreSQL",
               "other processes (the client, ...)", "idle"]:
    print(f"| {bucket} | {samples[bucket] / hz * 1000 / signins:.2f} |")
' "$PID" "$RATE" "$SECONDS_"
