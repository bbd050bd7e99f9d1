#!/usr/bin/env bash
# Messaging fan-out benchmark: one announcement to every demo person (about 5,000) in-app and by
# e-mail to a local GreenMail server, with an optional kill -9 of the server in the middle.
#
#   bench/messaging-fanout.sh [JAR] [DATA_DIR] [PORT]
#
#   JAR       the executable jar (default: server/target/onecampus.jar)
#   DATA_DIR  --onecampus.data-dir, a scratch directory (default: /tmp/onecampus-fanout-data)
#   PORT      HTTP port on 127.0.0.1 (default: 18080)
#
# Environment: KILL_AFTER (kill -9 the server once this many e-mails are recorded as sent, then
# start it again; 0 = no crash; default 1500), SMTP_PORT (default 3025), COUNT_PORT (default 3080),
# EMAIL_RATE (e-mail channel rate limit per second, default 1000), LEASE (seconds a claimed
# delivery is reserved, default 10: after the crash, deliveries claimed but not recorded are retried
# when it ends).
#
# The crash kills the JVM and the embedded PostgreSQL it started together (kill -9), like a power
# cut of a one-node installation.
#
# Measures: time to accept (the POST returns 201), time until every delivery is recorded (no
# delivery left QUEUED), and afterwards counts deliveries per channel and status in PostgreSQL
# (psql) and the e-mails GreenMail received (total and distinct Message-IDs; Message-ID = delivery
# id, so total - distinct = e-mails sent twice). Needs curl, psql (Debian: postgresql-client) and
# python3. Loopback only; the demo password is the documented demo password.
set -euo pipefail

JAR=${1:-server/target/onecampus.jar}
DATA_DIR=${2:-/tmp/onecampus-fanout-data}
PORT=${3:-18080}
KILL_AFTER=${KILL_AFTER:-1500}
SMTP_PORT=${SMTP_PORT:-3025}
COUNT_PORT=${COUNT_PORT:-3080}
EMAIL_RATE=${EMAIL_RATE:-1000}
LEASE=${LEASE:-10}
BASE="http://127.0.0.1:${PORT}"
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/onecampus-fanout.XXXXXX)
APP_PID=""
MAIL_PID=""

[[ -f "$JAR" ]] || { echo "no such jar: $JAR (build it: ./mvnw -DskipTests package)" >&2; exit 2; }
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

cleanup() {
	[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
	[[ -n "$MAIL_PID" ]] && kill "$MAIL_PID" 2>/dev/null || true
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

# GreenMail from the local Maven repository (the server's test build downloaded it: greenmail-junit5).
M2=${M2_REPO:-$HOME/.m2/repository}
newest() { find "$M2/$1" -name "$2-*.jar" ! -name '*-sources.jar' ! -name '*-javadoc.jar' | sort -V | tail -1; }
CP=""
for dep in "com/icegreen/greenmail greenmail" "jakarta/mail/jakarta.mail-api jakarta.mail-api" \
	"org/eclipse/angus/angus-mail angus-mail" "jakarta/activation/jakarta.activation-api jakarta.activation-api" \
	"org/eclipse/angus/angus-activation angus-activation" "org/slf4j/slf4j-api slf4j-api"; do
	set -- $dep
	jar=$(newest "$1" "$2")
	[[ -n "$jar" ]] || { echo "missing $2 in $M2 (run the server tests once: ./mvnw -pl web,server test)" >&2; exit 2; }
	CP="$CP${CP:+:}$jar"
done
java -cp "$CP" "$HERE/messaging/GreenMailCounter.java" "$SMTP_PORT" "$COUNT_PORT" > "$WORK/greenmail.log" 2>&1 &
MAIL_PID=$!
sleep 3

start_app() {
	java -jar "$JAR" --spring.profiles.active=demo --onecampus.data-dir="$DATA_DIR" --server.port="$PORT" \
		--server.address=127.0.0.1 --onecampus.messaging.lease="${LEASE}s" >> "$WORK/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 300); do
		if curl -s --max-time 2 "$BASE/actuator/health/readiness" | grep -q '"UP"'; then return 0; fi
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 1
	done
	echo "the server did not come up; see $WORK/app.log" >&2
	exit 1
}

psql_() {
	local port
	port=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
	psql -h 127.0.0.1 -p "$port" -X -U postgres -d onecampus -At -c "$1"
}

jar_="$WORK/cookies"
curl_() { curl -s -b "$jar_" -c "$jar_" -H "X-XSRF-TOKEN: $TOKEN" "$@"; }

sign_in() {
	rm -f "$jar_"
	TOKEN=$(curl -s -b "$jar_" -c "$jar_" "$BASE/api/v1/csrf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
	curl_ -o /dev/null -d 'username=admin' --data-urlencode 'password=Xq7!campus-Demo' "$BASE/login"
	TOKEN=$(curl -s -b "$jar_" -c "$jar_" "$BASE/api/v1/csrf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
}

echo "starting OneCampus ($JAR) on $BASE with data in $DATA_DIR"
start_app
sign_in
curl_ -o /dev/null -w 'e-mail channel configured: HTTP %{http_code}\n' -X PUT -H 'Content-Type: application/json' \
	-d "{\"enabled\":true,\"ratePerSecond\":${EMAIL_RATE},\"settings\":{\"host\":\"127.0.0.1\",\"port\":\"${SMTP_PORT}\",\"from\":\"noreply@demo.edu.cn\"}}" \
	"$BASE/api/v1/messaging/channels/email"

people=$(psql_ "select count(distinct a.person_id) from identity_account a join identity_account_role r on r.account_id = a.id where r.role_code = 'MEMBER' and a.enabled")
echo "MEMBER role holders: $people"
KEY="fanout-$(date +%s)"
t0=$(now)
curl_ -o "$WORK/receipt.json" -w 'accept: HTTP %{http_code} in %{time_total} s\n' -H 'Content-Type: application/json' \
	-H "Idempotency-Key: $KEY" \
	-d '{"category":"announcement","recipients":{"roles":["MEMBER"]},"title":"全校通知：期末考试安排","body":"各位师生：期末考试将于 1 月 6 日开始，请登录一网通办查看考试安排。","channels":["inapp","email"]}' \
	"$BASE/api/v1/messaging/messages"
cat "$WORK/receipt.json"; echo
MESSAGE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/receipt.json")

queued() { psql_ "select count(*) from messaging_delivery where message_id = '$MESSAGE' and status = 'QUEUED'"; }
sent_email() { psql_ "select count(*) from messaging_delivery where message_id = '$MESSAGE' and channel = 'email' and status = 'SENT'"; }

killed=no
while [[ "$(queued)" != "0" ]]; do
	if [[ "$KILL_AFTER" != "0" && "$killed" == "no" && "$(sent_email)" -ge "$KILL_AFTER" ]]; then
		echo "kill -9 at $(since "$t0") s with $(sent_email) e-mails recorded as sent, $(queued) deliveries queued"
		# The whole server dies at once: the JVM and its embedded PostgreSQL (postmaster and backends),
		# as in a power cut; PostgreSQL recovers from its write-ahead log on the next start.
		pg=$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")
		backends=$(pgrep -P "$pg" || true)
		kill -9 "$APP_PID" "$pg" $backends 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
		while kill -0 "$pg" 2>/dev/null; do sleep 0.2; done
		tk=$(now)
		start_app
		echo "restarted in $(since "$tk") s"
		killed=yes
	fi
	sleep 0.5
done
echo "every delivery recorded after $(since "$t0") s"
echo "deliveries by channel and status:"
psql_ "select channel, status, count(*) from messaging_delivery where message_id = '$MESSAGE' group by 1, 2 order by 1, 2"
echo "duplicate delivery rows: $(psql_ "select count(*) - count(distinct (person_id, channel)) from messaging_delivery where message_id = '$MESSAGE'")"
echo "GreenMail: $(curl -s "http://127.0.0.1:${COUNT_PORT}/count")"
sign_in
curl_ -o /dev/null -w 'the same Idempotency-Key again: HTTP %{http_code}\n' -H 'Content-Type: application/json' \
	-H "Idempotency-Key: $KEY" \
	-d '{"category":"announcement","recipients":{"roles":["MEMBER"]},"title":"全校通知：期末考试安排","body":"各位师生：期末考试将于 1 月 6 日开始，请登录一网通办查看考试安排。","channels":["inapp","email"]}' \
	"$BASE/api/v1/messaging/messages"
echo "messages with this key: $(psql_ "select count(*) from messaging_message where idempotency_key = '$KEY'")"
echo "logs in $WORK"
