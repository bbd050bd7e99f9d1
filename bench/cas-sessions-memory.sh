#!/usr/bin/env bash
# CAS serviceValidate throughput and the memory that active sessions cost, against a scratch
# OneCampus (demo profile) started by this script on loopback.
#
#   bench/cas-sessions-memory.sh [JAR] [SESSIONS]
#
# JAR defaults to server/target/onecampus.jar, SESSIONS to 10000. Environment: PORT (18480), WORK
# (bench/target/cas-sessions), CAS_USERS (8) and DURATION (30) for the CAS run, SIGNINS (50: sessions
# created through POST /login before the rest are cloned).
#
# 1. CAS: SsoSimulation with CAS_USERS users (each signs in once, then loops a service ticket from the
#    session and its CAS 3 /cas/p3/serviceValidate), DURATION seconds; prints its table.
# 2. Memory: SIGNINS real sign-ins (csrf + POST /login + GET /cas/login?service=..., so each has a
#    Spring Session row with its attributes, a device row and a CAS ticket-granting ticket), then the
#    rest up to SESSIONS cloned in SQL from those real rows (new ids, other demo accounts' names): a
#    sign-in costs an Argon2id hash, so 10,000 real ones would take most of an hour on 2 shared cores,
#    and the stored rows are the same. Measures, before and after: the Java heap used after a full GC
#    (jcmd GC.run, then GC.heap_info) and the PostgreSQL size (pg_total_relation_size: table, TOAST
#    and indexes) of kernel_session, kernel_session_attributes, identity_session_device,
#    identity_cas_tgt and identity_cas_ticket; prints the difference per SESSIONS sessions.
# Needs curl, psql, python3 and the JDK's jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-server/target/onecampus.jar}")
SESSIONS=${2:-10000}
PORT=${PORT:-18480}
WORK=$(realpath -m "${WORK:-bench/target/cas-sessions}")
CAS_USERS=${CAS_USERS:-8}
DURATION=${DURATION:-30}
SIGNINS=${SIGNINS:-50}
BASE="http://127.0.0.1:$PORT"
SERVICE="http://localhost:9999/bench"
DATA_DIR=$WORK/data
mkdir -p "$WORK"

echo "starting OneCampus ($JAR) on $BASE, data in $DATA_DIR"
(cd "$WORK" && exec java -jar "$JAR" --spring.profiles.active=demo --onecampus.data-dir="$DATA_DIR" \
	--server.port="$PORT" --server.address=127.0.0.1) >"$WORK/onecampus.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
	curl -fsS -o /dev/null "$BASE/actuator/health/readiness" 2>/dev/null && break
	sleep 1
done
curl -fsS -o /dev/null "$BASE/actuator/health/readiness"

psql_() {
	psql -h 127.0.0.1 -p "$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")" -X -U postgres -d onecampus -At -v ON_ERROR_STOP=1 -c "$1"
}

# 1. CAS serviceValidate per second.
echo "CAS: $CAS_USERS users, $DURATION s; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.SsoSimulation \
	-DbaseUrl="$BASE" -DcasUsers="$CAS_USERS" -DtokenUsers=0 -Dduration="$DURATION" >"$WORK/gatling-cas.log" 2>&1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/summarize-report.py "$(ls -td bench/target/gatling/ssosimulation-* | head -1)"

# 2. Memory per SESSIONS active sessions.
TABLES="kernel_session kernel_session_attributes identity_session_device identity_cas_tgt identity_cas_ticket"
measure() { # LABEL
	jcmd "$APP_PID" GC.run >/dev/null
	sleep 2
	jcmd "$APP_PID" GC.run >/dev/null
	local heap
	heap=$(jcmd "$APP_PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
	psql_ "checkpoint" >/dev/null
	psql_ "vacuum analyze kernel_session, kernel_session_attributes, identity_session_device, identity_cas_tgt, identity_cas_ticket" >/dev/null
	local sizes=""
	for t in $TABLES; do
		sizes="$sizes $t=$(psql_ "select pg_total_relation_size('$t')")"
	done
	echo "$1 heap_kib=$heap sessions=$(psql_ "select count(*) from kernel_session") tgts=$(psql_ "select count(*) from identity_cas_tgt where ended_at is null")$sizes"
}

sign_in() { # USERNAME -> one browser session with a CAS TGT
	local jar="$WORK/cookies-$1" token
	rm -f "$jar"
	token=$(curl -fsS -b "$jar" -c "$jar" "$BASE/api/v1/csrf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
	curl -fsS -o /dev/null -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $token" -H 'Accept: application/json' \
		-d "username=$1" --data-urlencode 'password=Xq7!campus-Demo' "$BASE/login"
	curl -sS -o /dev/null -b "$jar" -c "$jar" "$BASE/cas/login?service=$SERVICE"
	rm -f "$jar"
}

# Sessions of the CAS run end with their 8 h timeout only: start from the current state.
BEFORE=$(measure before)
echo "$BEFORE"
psql_ "select username from identity_account where enabled and not must_change_password order by username limit $SIGNINS" \
	| xargs -P 4 -I{} bash -c "$(declare -f sign_in); BASE=$BASE SERVICE=$SERVICE WORK=$WORK sign_in {}"
REAL=$(psql_ "select count(*) from identity_cas_tgt t join kernel_session s on s.session_id = t.session_id where t.ended_at is null")
CLONES=$((SESSIONS - SIGNINS))
echo "signed in $SIGNINS accounts through /login (sessions with a TGT: $REAL); cloning $CLONES more in SQL"
psql_ "
create temp table clone_plan as
  select g, gen_random_uuid()::text as primary_id, gen_random_uuid()::text as session_id,
         'TGT-' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '') as tgt_id,
         src.primary_id as src_primary, src.session_id as src_session, acc.id as account_id, acc.username
  from generate_series(1, $CLONES) g
  join lateral (select s.primary_id, s.session_id from kernel_session s
                join identity_cas_tgt t on t.session_id = s.session_id and t.ended_at is null
                order by s.primary_id offset (g % $REAL) limit 1) src on true
  join lateral (select id, username from identity_account order by username offset (g % 4900) limit 1) acc on true;
insert into kernel_session
  select p.primary_id, p.session_id, s.creation_time, s.last_access_time, s.max_inactive_interval, s.expiry_time, p.username
  from clone_plan p join kernel_session s on s.primary_id = p.src_primary;
insert into kernel_session_attributes
  select p.primary_id, a.attribute_name, a.attribute_bytes
  from clone_plan p join kernel_session_attributes a on a.session_primary_id = p.src_primary;
insert into identity_session_device
  select p.session_id, p.account_id, d.ip, d.user_agent, d.signed_in_at
  from clone_plan p join identity_session_device d on d.session_id = p.src_session;
insert into identity_cas_tgt (id, account_id, username, session_id, created_at, last_used_at, expires_at)
  select p.tgt_id, p.account_id, p.username, p.session_id, t.created_at, t.last_used_at, t.expires_at
  from clone_plan p join lateral (select * from identity_cas_tgt t where t.session_id = p.src_session and t.ended_at is null
                                   order by t.created_at limit 1) t on true;" >/dev/null
AFTER=$(measure after)
echo "$AFTER"
python3 - "$BEFORE" "$AFTER" "$SESSIONS" <<'PY'
import sys
def parse(line):
    return {k: int(v) for k, v in (part.split("=") for part in line.split()[1:])}
b, a, n = parse(sys.argv[1]), parse(sys.argv[2]), int(sys.argv[3])
added = a["sessions"] - b["sessions"]
print(f"\nadded sessions: {added} (active TGTs {b['tgts']} → {a['tgts']})")
print("| what | before | after | difference | per 10,000 sessions |")
print("|---|---:|---:|---:|---:|")
heap = a["heap_kib"] - b["heap_kib"]
print(f"| Java heap used after full GC | {b['heap_kib']/1024:.1f} MiB | {a['heap_kib']/1024:.1f} MiB | {heap/1024:+.1f} MiB | {heap/1024*10000/added:+.1f} MiB |")
total = 0
for t in [k for k in a if k not in ("heap_kib", "sessions", "tgts")]:
    d = a[t] - b[t]
    total += d
    print(f"| PostgreSQL {t} | {b[t]/1048576:.2f} MiB | {a[t]/1048576:.2f} MiB | {d/1048576:+.2f} MiB | {d/1048576*10000/added:+.2f} MiB |")
print(f"| PostgreSQL, these tables together | | | {total/1048576:+.2f} MiB | {total/1048576*10000/added:+.2f} MiB |")
PY
