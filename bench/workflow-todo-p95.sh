#!/usr/bin/env bash
# Workflow task lists (to-do, done, CC) with 1,000,000 finished instances and 10,000 open tasks in the
# database: fills the embedded PostgreSQL of a running demo server once (bench/workflow/history-fill.sql),
# prints EXPLAIN ANALYZE of the hottest to-do query, then runs TaskListSimulation (Gatling) and prints the
# p95 per request. See README.md §Workflow task lists. Needs psql (Debian: postgresql-client).
#
#   bench/workflow-todo-p95.sh DATA_DIR [BASE_URL] [USERS] [DURATION]
#
# DATA_DIR is the --onecampus.data-dir of the running server (demo profile). Remove the generated rows
# afterwards with: psql ... -f bench/workflow/history-clear.sql (never point this at a real database).
# SKIP_FILL=1 measures whatever is in the database now.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${1:?usage: bench/workflow-todo-p95.sh DATA_DIR [BASE_URL] [USERS] [DURATION]}
BASE_URL=${2:-http://localhost:18080}
USERS=${3:-8}
DURATION=${4:-60}
PORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "no running embedded PostgreSQL in $DATA_DIR/postgres" >&2; exit 1; }
PSQL=(psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d onecampus -v ON_ERROR_STOP=1)
mkdir -p bench/target
FILLED="select count(*) from workflow_process where key = 'bench-history' and updated_at = timestamptz '2000-01-01 00:00:00+00'"
if [[ -z "${SKIP_FILL:-}" && "$("${PSQL[@]}" -c "$FILLED")" == 0 ]]; then
	echo "filling the history (minutes; an interrupted fill is removed first)…"
	"${PSQL[@]}" -f bench/workflow/history-clear.sql
	"${PSQL[@]}" -f bench/workflow/history-fill.sql
fi
"${PSQL[@]}" -c "select status, count(*) from workflow_task group by status order by 1" \
	-c "select count(*) as instances from workflow_instance" -c "select count(*) as trail from workflow_action"
# the feeder: the hot counsellor plus typical assignees with open tasks
{
	echo "username,password,group"
	echo "cou001,Xq7!campus-Demo,hot"
	"${PSQL[@]}" -c "select a.username from identity_account a join workflow_task t on t.assignee_id = a.person_id
		where t.status = 'OPEN' and a.enabled and not a.must_change_password and a.username not in ('cou001', 'head001', 'fac001')
		group by a.username order by md5(a.username) limit 7" | sed 's/$/,Xq7!campus-Demo,typical/'
} >bench/target/tasklist-users.csv
ME=$("${PSQL[@]}" -c "select person_id from identity_account where username = 'cou001'")
{
	echo "-- todo (cou001)"
	"${PSQL[@]}" -c "explain (analyze, buffers) select count(*) from workflow_task t where t.assignee_id = '$ME' and t.status = 'OPEN'"
	"${PSQL[@]}" -c "explain (analyze, buffers) select t.id, i.id, i.process_key, i.version, t.node_id, t.status, t.outcome, t.created_at, t.ended_at, i.applicant_id, i.status from workflow_task t join workflow_instance i on i.id = t.instance_id where t.assignee_id = '$ME' and t.status = 'OPEN' order by t.created_at desc, t.id limit 20 offset 0"
	echo "-- done (cou001)"
	"${PSQL[@]}" -c "explain (analyze, buffers) select count(*) from workflow_task t where t.assignee_id = '$ME' and t.status = 'DONE'"
	"${PSQL[@]}" -c "explain (analyze, buffers) select t.id, i.id, i.process_key, i.version, t.node_id, t.status, t.outcome, t.created_at, t.ended_at, i.applicant_id, i.status from workflow_task t join workflow_instance i on i.id = t.instance_id where t.assignee_id = '$ME' and t.status = 'DONE' order by t.ended_at desc, t.id limit 20 offset 0"
	echo "-- cc (cou001)"
	"${PSQL[@]}" -c "explain (analyze, buffers) select count(*) from workflow_cc c where c.person_id = '$ME'"
	"${PSQL[@]}" -c "explain (analyze, buffers) select i.id, i.process_key, i.version, c.node_id, c.created_at, i.applicant_id, i.status from workflow_cc c join workflow_instance i on i.id = c.instance_id where c.person_id = '$ME' order by c.created_at desc, i.id limit 20 offset 0"
} | tee bench/target/workflow-todo-explain.txt
uptime
./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.TaskListSimulation \
	-DbaseUrl="$BASE_URL" -Dusers="$USERS" -Dduration="$DURATION" -DusersFile="$PWD/bench/target/tasklist-users.csv"
uptime
bench/summarize-report.py
