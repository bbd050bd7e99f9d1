#!/usr/bin/env bash
# Measures how long OneCampus takes to start and how much memory it holds right after.
#
#   bench/measure-startup.sh [JAR] [DATA_DIR] [PORT]
#
#   JAR       the executable jar (default: server/target/onecampus.jar)
#   DATA_DIR  the data directory, --onecampus.data-dir (default: /tmp/onecampus-startup-data)
#   PORT      the HTTP port, loopback only (default: 18080)
#
# Environment: START_TIMEOUT (seconds to wait for health, default 180; the very first start on an
# empty DATA_DIR loads the demo university and takes longest), STOP_TIMEOUT (seconds to wait after
# SIGTERM, default 60), JAVA (default: java), JAVA_OPTS (extra JVM options, default none).
#
# Starts `java -jar JAR --spring.profiles.active=demo --onecampus.data-dir=DATA_DIR
# --server.port=PORT --server.address=127.0.0.1`, polls GET /actuator/health until it answers
# {"status":"UP"} and then /actuator/health/readiness (UP only once the start-up runners, such as
# the demo loader, have finished), prints both start-up times (from launch, seconds), the Java
# process's VmRSS and VmHWM from /proc/<pid>/status when ready and the embedded PostgreSQL's
# memory (PSS), then stops it with SIGTERM and waits. The
# application log goes to DATA_DIR/../<basename>-startup.log. Exit code 0 when it came up healthy.
set -euo pipefail

JAR=${1:-server/target/onecampus.jar}
DATA_DIR=${2:-/tmp/onecampus-startup-data}
PORT=${3:-18080}
START_TIMEOUT=${START_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-60}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}

[[ -f "$JAR" ]] || { echo "no such jar: $JAR" >&2; exit 2; }
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "PORT must be a number: $PORT" >&2; exit 2; }
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
LOG="$(dirname "$DATA_DIR")/$(basename "$DATA_DIR")-startup.log"
HEALTH="http://127.0.0.1:${PORT}/actuator/health"
READINESS="http://127.0.0.1:${PORT}/actuator/health/readiness"

if curl -s --max-time 2 -o /dev/null "$HEALTH"; then
	echo "something already answers on 127.0.0.1:${PORT}; stop it or pick another port" >&2
	exit 2
fi

PID=""
stop_app() {
	[[ -n "$PID" ]] || return 0
	if kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID" 2>/dev/null || true
		local waited=0
		while kill -0 "$PID" 2>/dev/null && (( waited < STOP_TIMEOUT * 10 )); do
			sleep 0.1
			waited=$(( waited + 1 ))
		done
		if kill -0 "$PID" 2>/dev/null; then
			echo "still running ${STOP_TIMEOUT}s after SIGTERM: SIGKILL" >&2
			kill -KILL "$PID" 2>/dev/null || true
		fi
	fi
	wait "$PID" 2>/dev/null || true
	PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
START_NS=$(date +%s%N)
"$JAVA" $JAVA_OPTS -jar "$JAR" --spring.profiles.active=demo "--onecampus.data-dir=$DATA_DIR" \
	"--server.port=$PORT" --server.address=127.0.0.1 >"$LOG" 2>&1 &
PID=$!

healthy=""
ready=""
deadline=$(( START_NS + START_TIMEOUT * 1000000000 ))
while (( $(date +%s%N) < deadline )); do
	if ! kill -0 "$PID" 2>/dev/null; then
		echo "the application exited before it was ready; last lines of $LOG:" >&2
		tail -n 40 "$LOG" >&2
		PID=""
		exit 1
	fi
	if [[ -z "$healthy" ]] && curl -s --max-time 2 "$HEALTH" 2>/dev/null | grep -q '"status":"UP"'; then
		healthy=$(date +%s%N)
	fi
	# Readiness turns UP only after the start-up runners (such as the demo loader) have finished;
	# without the probes endpoint (404), health alone counts.
	if [[ -n "$healthy" ]]; then
		code=$(curl -s --max-time 2 -o "$LOG.readiness" -w '%{http_code}' "$READINESS" 2>/dev/null || true)
		if [[ "$code" == "404" ]] || grep -q '"status":"UP"' "$LOG.readiness" 2>/dev/null; then
			ready=$(date +%s%N)
			break
		fi
	fi
	sleep 0.1
done
rm -f "$LOG.readiness"
if [[ -z "$ready" ]]; then
	echo "not healthy and ready within ${START_TIMEOUT}s; last lines of $LOG:" >&2
	tail -n 40 "$LOG" >&2
	exit 1
fi

rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")
# The embedded PostgreSQL runs as separate processes: the postmaster (first line of its
# postmaster.pid) and its backends. Their memory is summed as PSS, so shared buffers count once.
pg_pss_kib=0
pg_count=0
PG_PIDFILE="$DATA_DIR/postgres/postmaster.pid"
if [[ -r "$PG_PIDFILE" ]]; then
	pg_main=$(head -n 1 "$PG_PIDFILE")
	for p in "$pg_main" $(ps -o pid= --ppid "$pg_main" 2>/dev/null); do
		if [[ -r "/proc/$p/smaps_rollup" ]]; then
			pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup")
			pg_pss_kib=$(( pg_pss_kib + ${pss:-0} ))
			pg_count=$(( pg_count + 1 ))
		fi
	done
fi
hwm_kib=$(awk '/^VmHWM:/ {print $2}' "/proc/$PID/status")
started_log=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$LOG" | tail -n 1 || true)

awk -v s="$START_NS" -v h="$healthy" 'BEGIN { printf "start-up time (launch to /actuator/health UP): %.2f s\n", (h - s) / 1e9 }'
awk -v s="$START_NS" -v h="$ready" 'BEGIN { printf "start-up time (launch to /actuator/health/readiness UP): %.2f s\n", (h - s) / 1e9 }'
awk -v r="$rss_kib" -v w="$hwm_kib" 'BEGIN { printf "RSS when ready (VmRSS): %d MiB (peak so far, VmHWM: %d MiB)\n", r / 1024, w / 1024 }'
if (( pg_count > 0 )); then
	awk -v k="$pg_pss_kib" -v n="$pg_count" 'BEGIN { printf "embedded PostgreSQL (%d processes, PSS): %d MiB\n", n, k / 1024 }'
fi
[[ -n "$started_log" ]] && echo "Spring Boot says: $started_log"
echo "jar: $JAR  data: $DATA_DIR  port: $PORT  log: $LOG"
echo "java: $("$JAVA" -version 2>&1 | head -n 1)"

stop_app
# The application stops its embedded PostgreSQL on shutdown; make sure it did.
if [[ -r "$PG_PIDFILE" ]]; then
	pg_main=$(head -n 1 "$PG_PIDFILE")
	for _ in $(seq 1 100); do
		kill -0 "$pg_main" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pg_main" 2>/dev/null && grep -q -- "$DATA_DIR/postgres" "/proc/$pg_main/cmdline" 2>/dev/null; then
		echo "the embedded PostgreSQL (pid $pg_main) outlived the application: stopping it" >&2
		kill -TERM "$pg_main" 2>/dev/null || true
	fi
fi
echo "stopped"
