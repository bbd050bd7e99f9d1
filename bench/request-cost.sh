#!/usr/bin/env bash
# What one client-credentials token or one password sign-in costs a running OneCampus: CPU of the server's
# JVM and of its embedded PostgreSQL per request (from /proc), and the database's commits and rows
# inserted, updated and read per request (pg_stat_database). These per-request figures move far less with
# the machine's other load than requests per second, so two builds can be compared on a busy machine by
# running this against each, alternately, in the same minutes.
#
#   bench/request-cost.sh MODE BASE_URL SERVER_PID DATA_DIR [SECONDS] [THREADS]
#
# MODE: token (POST /oauth2/token as demo-system), signin (GET /api/v1/csrf + POST /login, the JMH
# passwordSignIn's requests) or me (GET /api/v1/me from browsers signed in once before the count starts). DATA_DIR is the server's --onecampus.data-dir (its embedded PostgreSQL runs in
# DATA_DIR/postgres). SECONDS defaults to 20, THREADS to 8 for tokens and 2 for sign-ins. Needs psql, Java 17.
# KNOWN_DEVICES=1 (signin): each account keeps its own cookies, so it signs in again from a known device (no
# new-device notice), as jmh-password.sh's KNOWN_DEVICES=1; by default every sign-in is from a new device.
# FRESH_SESSIONS=1 (signin): every sign-in from a browser without a session, as jmh-password.sh's FRESH_SESSIONS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=$1; BASE=$2; PID=$3; DATA=$(realpath "$4"); SECONDS_=${5:-20}
THREADS=${6:-$([[ $MODE == signin ]] && echo 2 || echo 8)}
PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
counters() {
	psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d onecampus -c \
		"select xact_commit, tup_inserted, tup_updated, tup_fetched + tup_returned from pg_stat_database where datname = 'onecampus'"
}
before=$(counters)
out=$(java bench/request-cost/RequestCost.java "$MODE" "$BASE" "$THREADS" "$SECONDS_" "$PID" "$DATA")
after=$(counters)
python3 - "$before" "$after" "$out" <<'PY'
import re, sys
before, after, out = sys.argv[1:]
b = [int(x) for x in before.split('|')]
a = [int(x) for x in after.split('|')]
n = max(1, int(re.search(r'requests=(\d+)', out).group(1)))
print(f"{out} commits={(a[0]-b[0])/n:.2f} inserted={(a[1]-b[1])/n:.2f} updated={(a[2]-b[2])/n:.2f} rowsRead={(a[3]-b[3])/n:.1f} (per request)")
PY
