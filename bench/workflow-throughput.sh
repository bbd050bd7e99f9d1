#!/usr/bin/env bash
# Workflow throughput ratio: submit + three approvals through our service layer vs plain Flowable calls,
# in one JVM against one embedded PostgreSQL, alternating rounds (see README.md §Workflow throughput).
# Usage: bench/workflow-throughput.sh [DATA_DIR] [ROUNDS] [SECONDS]
#   DATA_DIR  the application's data dir (embedded PostgreSQL; demo data is loaded on the first start)
# Builds server/target/classes first (offline, no web). Nothing else may use DATA_DIR while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${1:-/tmp/wfbench-data}"
ROUNDS="${2:-5}"
SECONDS_PER_ROUND="${3:-20}"
./mvnw -q -o -DskipWeb -DskipWebTests -pl web,server compile
./mvnw -q -o -pl server dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime
CP="server/target/classes:$(cat server/target/runtime.classpath)"
OUT=bench/target/workflow-classes
mkdir -p "$OUT"
javac -nowarn -d "$OUT" -cp "$CP" bench/workflow/src/org/onecampus/workflow/internal/tasks/WorkflowThroughputRatio.java
uptime
java -Xmx2g ${JAVA_OPTS:-} -Drounds="$ROUNDS" -Dseconds="$SECONDS_PER_ROUND" -cp "$OUT:$CP" \
  org.onecampus.workflow.internal.tasks.WorkflowThroughputRatio \
  --spring.profiles.active=demo --onecampus.data-dir="$DATA_DIR" --server.port=0 \
  --logging.level.root=WARN ${BENCH_ARGS:-} | tee bench/target/workflow-throughput.txt
uptime
