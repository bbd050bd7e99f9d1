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
"${PSQL[@]}" -c "select count(*) || ' applications' from hall_application" \
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

run() { # SCENARIO USERS
	echo "== $1 ($2 users, ${DURATION} s measured after ${SIGN_IN} s for the sign-ins)"
	echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	local before after status=0
	before=$("${PSQL[@]}" -c "select count(*) from hall_application where service_code = 'student-leave'")
	./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.HallSimulation \
		-Dscenario="$1" -DbaseUrl="$BASE_URL" -Dusers="$2" -Dduration="$DURATION" -DsignInSeconds="$SIGN_IN" \
		-DsubmitUsersFile="$PWD/bench/target/hall-submit-users.csv" -DpageUsersFile="$PWD/bench/target/hall-page-users.csv" \
		|| status=$?
	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
	after=$("${PSQL[@]}" -c "select count(*) from hall_application where service_code = 'student-leave'")
	bench/summarize-report.py
	if [[ "$1" == submit ]]; then
		echo "applications stored: $((after - before)) in ${DURATION} s = $(python3 -c "print(round($((after - before)) / $DURATION, 1))") submissions/s"
	fi
	return "$status"
}

if [[ "${ONLY:-submit}" == submit ]]; then
	run submit "$SUBMITTERS"
fi

# typical readers: undergraduates (a few own applications, few to-dos) and approvers with open tasks
{
	echo "username,password,group"
	"${PSQL[@]}" -c "$UNDERGRADUATES order by md5('reader' || a.username) limit $((READERS / 2))" \
		| sed 's/$/,Xq7!campus-Demo,student/'
	"${PSQL[@]}" -c "select a.username from identity_account a join workflow_task t on t.assignee_id = a.person_id
		where t.status = 'OPEN' and a.enabled and not a.must_change_password
		group by a.username order by md5(a.username) limit $((READERS - READERS / 2))" | sed 's/$/,Xq7!campus-Demo,approver/'
} >bench/target/hall-page-users.csv
if [[ "${ONLY:-pages}" == pages ]]; then
	run pages "$READERS"
fi
