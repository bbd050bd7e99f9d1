#!/usr/bin/env bash
# Service hall under load (issue 6, Benchmark): submissions with prefill and validation by distinct undergraduates,
# then the catalogue, home and to-do pages, with 1,000,000 past applications in the database. Fills the embedded
# PostgreSQL of a running demo server once (bench/hall/history-fill.sql, shared with hall-statistics-p95.sh), writes
# the feeders from it, runs HallSimulation twice (scenario "submit", then "pages") and prints the figures with the
# load average before and after each run. See README.md §Service hall under load. Needs psql (postgresql-client).
#
#   bench/hall-load.sh DATA_DIR [BASE_URL] [SUBMITTERS] [READERS] [DURATION]
#
# DATA_DIR is the --onecampus.data-dir of the running server (demo profile). Every submission is a real application
# with a running leave process: use a scratch data directory. SKIP_FILL=1 measures whatever is in the database now;
# ONLY=submit or ONLY=pages runs one scenario; SIGN_IN (seconds, default 60) is the time allowed for the sign-ins
# before the measured window opens. Remove the generated history with psql ... -f bench/hall/history-clear.sql.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${1:?usage: bench/hall-load.sh DATA_DIR [BASE_URL] [SUBMITTERS] [READERS] [DURATION]}
BASE_URL=${2:-http://localhost:18190}
SUBMITTERS=${3:-200}
READERS=${4:-8}
DURATION=${5:-60}
SIGN_IN=${SIGN_IN:-60}
PORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "no running embedded PostgreSQL in $DATA_DIR/postgres" >&2; exit 1; }
PSQL=(psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d onecampus -v ON_ERROR_STOP=1)
mkdir -p bench/target
FILLED="select count(*) from hall_application where service_code like 'bench-hall-%'"
if [[ -z "${SKIP_FILL:-}" && "$("${PSQL[@]}" -c "$FILLED")" -lt 1000000 ]]; then
	echo "filling the history (minutes; an interrupted fill is removed first)…"
	"${PSQL[@]}" -f bench/hall/history-clear.sql
	"${PSQL[@]}" -f bench/hall/history-fill.sql
fi
# a submission records a use (recently used, hot services): give the filled history's last 30 days their uses too, so
# that the catalogue's "hot" counts aggregate what a campus with this history would hold (removed with the items by
# history-clear.sql: the usage rows cascade)
USES="select count(*) from hall_service_usage where service_code like 'bench-hall-%'"
if [[ "$("${PSQL[@]}" -c "$USES")" == 0 ]]; then
	"${PSQL[@]}" -c "insert into hall_service_usage (service_code, person_id, used_at) select service_code, applicant_id,
		submitted_at from hall_application where service_code like 'bench-hall-%' and submitted_at > now() - interval '30 days'
		order by submitted_at" -c "analyze hall_service_usage"
fi
"${PSQL[@]}" -c "select count(*) || ' applications' from hall_application" \
	-c "select count(*) || ' uses in the last 30 days' from hall_service_usage where used_at > now() - interval '30 days'" \
	-c "select count(*) || ' published items' from hall_service where status = 'PUBLISHED'"

# distinct enabled undergraduates who may use the item (the item's audience is the UNDERGRADUATE affiliation)
UNDERGRADUATES="select a.username from identity_account a where a.enabled and not a.must_change_password
	and exists (select 1 from identity_affiliation f where f.person_id = a.person_id and f.type = 'UNDERGRADUATE'
	and f.status = 'ACTIVE')"
{
	echo "username,password"
	"${PSQL[@]}" -c "$UNDERGRADUATES order by md5(a.username) limit $SUBMITTERS" | sed 's/$/,Xq7!campus-Demo/'
} >bench/target/hall-submit-users.csv
got=$(( $(wc -l <bench/target/hall-submit-users.csv) - 1 ))
[[ "$got" -eq "$SUBMITTERS" ]] || { echo "only $got undergraduates for $SUBMITTERS submitters" >&2; exit 1; }

# CPU seconds used so far by the server's JVM and by PostgreSQL (the postmaster with its finished children, plus the
# live backends), to show where the two cores went during a run; Gatling takes the rest.
SERVER_PID=$(ss -ltnpH "sport = :${BASE_URL##*:}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
POSTMASTER=$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")
ticks() { # PID [with waited-for children]: utime + stime (+ cutime + cstime)
	[[ -n "$1" && -r /proc/$1/stat ]] || { echo 0; return; }
	awk -v children="${2:-}" '{ sub(/^.*\) /, ""); print $12 + $13 + (children ? $14 + $15 : 0) }' "/proc/$1/stat"
}
cpu() { # prints "server-seconds postgres-seconds"
	local pg hz
	hz=$(getconf CLK_TCK)
	pg=$(ticks "$POSTMASTER" 1)
	for child in $(pgrep -P "$POSTMASTER"); do pg=$((pg + $(ticks "$child"))); done
	echo "$(( $(ticks "$SERVER_PID") / hz )) $((pg / hz))"
}

run() { # SCENARIO USERS
	echo "== $1 ($2 users, ${DURATION} s measured after ${SIGN_IN} s for the sign-ins)"
	echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	local before status=0 cpu_before cpu_after
	cpu_before=($(cpu))
	before=$("${PSQL[@]}" -c "select now()")
	./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.HallSimulation \
		-Dscenario="$1" -DbaseUrl="$BASE_URL" -Dusers="$2" -Dduration="$DURATION" -DsignInSeconds="$SIGN_IN" \
		-DsubmitUsersFile="$PWD/bench/target/hall-submit-users.csv" -DpageUsersFile="$PWD/bench/target/hall-page-users.csv" \
		|| status=$?
	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
	cpu_after=($(cpu))
	echo "CPU seconds during the run (sign-ins included): server JVM $((cpu_after[0] - cpu_before[0])), PostgreSQL $((cpu_after[1] - cpu_before[1]))"
	bench/summarize-report.py
	if [[ "$1" == submit ]]; then # throughput from what the database stored: count over the span of submitted_at
		"${PSQL[@]}" -F ' ' -c "select count(*), round(extract(epoch from max(submitted_at) - min(submitted_at))::numeric, 1),
			round(count(*) / nullif(extract(epoch from max(submitted_at) - min(submitted_at)), 0)::numeric, 1)
			from hall_application where service_code = 'student-leave' and submitted_at > '$before'" \
			| awk '{ print "applications stored: " $1 " between the first and the last submission (" $2 " s): " $3 " submissions/s" }'
	fi
	return "$status"
}

if [[ "${ONLY:-submit}" == submit ]]; then
	run submit "$SUBMITTERS"
fi

# typical readers: undergraduates (a few own applications, few to-dos), approvers with open tasks (the counsellors of
# the submitters) and the one with the most open tasks ("hot")
APPROVERS="select a.username from identity_account a join workflow_task t on t.assignee_id = a.person_id
	where t.status = 'OPEN' and a.enabled and not a.must_change_password group by a.username"
{
	echo "username,password,group"
	"${PSQL[@]}" -c "$UNDERGRADUATES order by md5('reader' || a.username) limit $((READERS / 2))" \
		| sed 's/$/,Xq7!campus-Demo,student/'
	"${PSQL[@]}" -c "$APPROVERS order by count(*) desc, a.username limit 1" | sed 's/$/,Xq7!campus-Demo,hot/'
	"${PSQL[@]}" -c "select username from ($APPROVERS order by count(*) desc, a.username offset 1) x
		order by md5(username) limit $((READERS - READERS / 2 - 1))" | sed 's/$/,Xq7!campus-Demo,approver/'
} >bench/target/hall-page-users.csv
if [[ "${ONLY:-pages}" == pages ]]; then
	run pages "$READERS"
fi
