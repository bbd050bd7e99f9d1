#!/usr/bin/env bash
# Service hall statistics with 1,000,000 past applications: fills the embedded PostgreSQL of a running demo server
# once (bench/hall/history-fill.sql), then runs HallStatisticsSimulation (Gatling): one full rebuild of the daily
# rollups through the API, then USERS administrators reading every figure in a closed loop, and prints the p95 per
# request, the table sizes and the plan of the heaviest query. See README.md §Service hall statistics.
# Needs psql (Debian: postgresql-client).
#
#   bench/hall-statistics-p95.sh DATA_DIR [BASE_URL] [USERS] [DURATION]
#
# DATA_DIR is the --onecampus.data-dir of the running server (demo profile). Remove the generated rows afterwards
# with: psql ... -f bench/hall/history-clear.sql (never point this at a real database). SKIP_FILL=1 measures whatever
# is in the database now; REBUILD=false skips the rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${1:?usage: bench/hall-statistics-p95.sh DATA_DIR [BASE_URL] [USERS] [DURATION]}
BASE_URL=${2:-http://localhost:18080}
USERS=${3:-4}
DURATION=${4:-60}
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
"${PSQL[@]}" -c "select count(*) as applications from hall_application" -c "select count(*) as evaluations from hall_evaluation"
uptime
./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.HallStatisticsSimulation \
	-DbaseUrl="$BASE_URL" -Dusers="$USERS" -Dduration="$DURATION" -Drebuild="${REBUILD:-true}"
uptime
"${PSQL[@]}" -c "select count(*) as rollup_rows, pg_size_pretty(pg_total_relation_size('hall_stat_day')) as rollup_size from hall_stat_day" \
	-c "select pg_size_pretty(pg_total_relation_size('hall_application')) as applications_size"
"${PSQL[@]}" -c "explain (analyze, buffers) select d.service_code, sum(d.submitted), sum(d.completed), sum(d.h00), sum(d.h63)
	from hall_stat_day d where d.day between current_date - 729 and current_date group by d.service_code" \
	| tee bench/target/hall-statistics-explain.txt
bench/summarize-report.py
