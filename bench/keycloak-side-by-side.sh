#!/usr/bin/env bash
# OneCampus and Keycloak 26 side by side on this machine, in one run: password sign-ins per second
# and client-credentials tokens per second, same load generator (Gatling, SideBySideSimulation), same
# concurrency, the two systems measured alternately (each goes first in every other round) so that both see the
# same background load.
#
#   bench/keycloak-side-by-side.sh [ONECAMPUS_JAR] [ROUNDS]
#
# ONECAMPUS_JAR defaults to server/target/onecampus.jar, ROUNDS to 2 (each round: sign-ins on
# OneCampus, then on Keycloak, then tokens on OneCampus, then on Keycloak). Environment: USERS (virtual
# users, default 8), DURATION (seconds per measurement, default 30), WARMUP (seconds of unmeasured
# load per system and scenario before the first round, default 15), KC_VERSION (default 26.7.3),
# KC_JAVA (the JDK for Keycloak, default /usr/lib/jvm/temurin-25-jdk-amd64), OC_PORT/KC_PORT
# (default 18380/18381), WORK (default bench/target/side-by-side), START_TIMEOUT (seconds to wait for each
# server, default 300 for OneCampus and 600 for Keycloak).
#
# Both servers listen on 127.0.0.1 only. OneCampus runs with the demo profile on a scratch data
# directory; Keycloak runs `start-dev` (dev mode) with its database in a separate database
# `keycloak` of OneCampus's embedded PostgreSQL (same server, same version), not dev mode's default
# H2 file, and the Argon2id parameters OneCampus uses (m=19456 KiB, t=2, p=1) through its
# argon2 password-hashing provider and the realm policy hashAlgorithm(argon2). Keycloak is fetched
# from Maven Central into bench/target/keycloak (gitignored). Prints a Markdown table with the
# ratios; every run's Gatling report stays under bench/target/gatling. Needs curl, psql, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=$(realpath "${1:-server/target/onecampus.jar}")
ROUNDS=${2:-2}
USERS=${USERS:-8}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-15}
KC_VERSION=${KC_VERSION:-26.7.3}
KC_JAVA=${KC_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
OC_PORT=${OC_PORT:-18380}
KC_PORT=${KC_PORT:-18381}
WORK=$(realpath -m "${WORK:-bench/target/side-by-side}")
KC_HOME=$ROOT/bench/target/keycloak/keycloak-$KC_VERSION
KC_ADMIN=bench-admin
KC_ADMIN_PASSWORD=bench-admin-only-on-loopback
KC_CLIENT=bench-client
KC_SECRET=bench-client-secret-6f1d2a9c4e7b
PASSWORD='Xq7!campus-Demo'
OC="http://127.0.0.1:$OC_PORT"
KC="http://127.0.0.1:$KC_PORT"
mkdir -p "$WORK"

pids=()
cleanup() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT

wait_for() { # URL SECONDS
	for _ in $(seq 1 "$2"); do
		curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
		sleep 1
	done
	echo "timed out waiting for $1" >&2
	return 1
}

# 1. Keycloak from Maven Central (once).
if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
	./mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
		-DoutputDirectory=bench/target/keycloak
	unzip -q -o "bench/target/keycloak/keycloak-quarkus-dist-$KC_VERSION.zip" -d bench/target/keycloak
fi

# 2. OneCampus, demo profile, scratch data directory. The directory is kept between runs (the demo data takes
# minutes to load); a newer build may bring migrations numbered before ones an older build already applied
# (each module has its own block of versions), which Flyway only applies when told they may come out of order.
echo "starting OneCampus ($JAR) on $OC"
(cd "$WORK" && exec java -jar "$JAR" --spring.profiles.active=demo --onecampus.data-dir="$WORK/onecampus-data" \
	--spring.flyway.out-of-order=true --server.port="$OC_PORT" --server.address=127.0.0.1) >"$WORK/onecampus.log" 2>&1 &
pids+=($!)
wait_for "$OC/actuator/health/readiness" "${START_TIMEOUT:-300}"

# 3. A separate database for Keycloak in the same embedded PostgreSQL.
PG_PORT=$(sed -n 4p "$WORK/onecampus-data/postgres/postmaster.pid")
PG_VERSION=$(psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "show server_version")
psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "select 1 from pg_database where datname = 'keycloak'" \
	| grep -q 1 || psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database keycloak"

# 4. Keycloak in dev mode with the same Argon2id parameters.
echo "starting Keycloak $KC_VERSION on $KC (JDK $KC_JAVA, PostgreSQL $PG_VERSION on port $PG_PORT)"
JAVA_HOME="$KC_JAVA" KC_BOOTSTRAP_ADMIN_USERNAME=$KC_ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
	"$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
	--db=postgres --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=postgres --db-password=postgres \
	--spi-password-hashing--argon2--memory=19456 --spi-password-hashing--argon2--iterations=2 \
	--spi-password-hashing--argon2--parallelism=1 --spi-password-hashing--argon2--type=id \
	>"$WORK/keycloak.log" 2>&1 &
pids+=($!)
wait_for "$KC/realms/master/.well-known/openid-configuration" "${START_TIMEOUT:-600}"

# 5. The realm: Argon2 policy, a confidential client (password and client-credentials grants), the users.
ADMIN_TOKEN=$(curl -fsS "$KC/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
	-d username=$KC_ADMIN -d password=$KC_ADMIN_PASSWORD | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
kc_admin() { # METHOD PATH [JSON]
	curl -sS -o /dev/null -w '%{http_code}' -X "$1" "$KC/admin/realms$2" -H "Authorization: Bearer $ADMIN_TOKEN" \
		-H 'Content-Type: application/json' ${3:+--data "$3"}
}
if [[ $(kc_admin GET /bench) != 200 ]]; then
	kc_admin POST "" '{"realm":"bench","enabled":true,"sslRequired":"none","passwordPolicy":"hashAlgorithm(argon2)",
		"bruteForceProtected":false,"accessTokenLifespan":600}' >/dev/null
	kc_admin POST /bench/clients "{\"clientId\":\"$KC_CLIENT\",\"enabled\":true,\"publicClient\":false,
		\"secret\":\"$KC_SECRET\",\"clientAuthenticatorType\":\"client-secret\",\"standardFlowEnabled\":false,
		\"directAccessGrantsEnabled\":true,\"serviceAccountsEnabled\":true}" >/dev/null
	tail -n +2 bench/src/test/resources/users.csv | cut -d, -f1 | while read -r name; do
		code=$(kc_admin POST /bench/users "{\"username\":\"$name\",\"enabled\":true,\"email\":\"$name@bench.example\",
			\"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\"$name\",
			\"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}")
		[[ $code == 201 ]] || { echo "could not create Keycloak user $name: $code" >&2; exit 1; }
	done
fi
# Proof of the parameters: the stored credential of one user.
USER_ID=$(curl -fsS "$KC/admin/realms/bench/users?username=stu001&exact=true" -H "Authorization: Bearer $ADMIN_TOKEN" \
	| python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
echo "Keycloak stu001 credential: $(curl -fsS "$KC/admin/realms/bench/users/$USER_ID/credentials" \
	-H "Authorization: Bearer $ADMIN_TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["credentialData"])')"

# 6. Alternate the measurements.
gatling() { # TARGET SCENARIO -> prints req/s of the scenario's main request
	local target=$1 scenario=$2 base request props
	if [[ $target == keycloak ]]; then
		base=$KC
		props=(-Drealm=bench -DclientId=$KC_CLIENT -DclientSecret=$KC_SECRET -Dscope=profile)
	else
		base=$OC
		props=(-DclientId=demo-system -DclientSecret=demo-system-secret -Dscope=messaging.send)
	fi
	[[ $scenario == signin ]] && request="sign in" || request="token"
	local before after
	before=$(cut -d' ' -f1 /proc/loadavg)
	./mvnw -q -f bench/pom.xml gatling:test -Dgatling.simulationClass=org.onecampus.bench.SideBySideSimulation \
		-Dtarget="$target" -Dscenario="$scenario" -DbaseUrl="$base" -Dusers="$USERS" -Dduration="$DURATION" \
		"${props[@]}" >"$WORK/gatling-$target-$scenario-$round.log" 2>&1 \
		|| { echo "Gatling run $target $scenario failed: $WORK/gatling-$target-$scenario-$round.log" >&2; exit 1; }
	after=$(cut -d' ' -f1 /proc/loadavg)
	local report
	report=$(ls -td bench/target/gatling/sidebysidesimulation-* | head -1)
	python3 bench/summarize-report.py "$report" | awk -F' *\\| *' -v r="$request" -v l="$before → $after" -v rep="$report" \
		'$2 == r { print $5 "\t" $3 "\t" $4 "\t" $7 "\t" $8 "\t" l "\t" rep }'
}

# Warm-up (not counted): each system's JIT compiler sees every path once before the first round.
round=warmup
for scenario in signin token; do
	for target in onecampus keycloak; do
		DURATION=$WARMUP gatling "$target" "$scenario" >/dev/null
	done
done

RESULTS=$WORK/results.tsv
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
	# odd rounds measure OneCampus first, even rounds Keycloak first: whatever drifts within a round (the load,
	# the other server's warm-up) falls on each side as often
	order="onecampus keycloak"
	if (( round % 2 == 0 )); then order="keycloak onecampus"; fi
	for scenario in signin token; do
		for target in $order; do
			line=$(gatling "$target" "$scenario")
			echo "round $round $scenario $target: $line"
			printf '%s\t%s\t%s\t%s\n' "$round" "$scenario" "$target" "$line" >>"$RESULTS"
		done
	done
done

python3 - "$RESULTS" "$USERS" "$DURATION" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
print(f"\n{sys.argv[2]} virtual users, {sys.argv[3]} s per measurement\n")
print("| round | scenario | OneCampus req/s (p50 / p95 ms, load 1 min) | Keycloak req/s (p50 / p95 ms, load 1 min) | OneCampus ÷ Keycloak |")
print("|---:|---|---:|---:|---:|")
ratios = {}
by = {(r[0], r[1], r[2]): r for r in rows}
for (rnd, scen, target), r in by.items():
    if target != "onecampus" or (rnd, scen, "keycloak") not in by:
        continue
    k = by[(rnd, scen, "keycloak")]
    ratio = float(r[3].replace(",", "")) / float(k[3].replace(",", ""))
    ratios.setdefault(scen, []).append(ratio)
    print(f"| {rnd} | {scen} | {r[3]} ({r[6]} / {r[7]}, {r[8]}) | {k[3]} ({k[6]} / {k[7]}, {k[8]}) | {ratio:.2f} |")
for scen, values in ratios.items():
    print(f"\n{scen}: median ratio OneCampus ÷ Keycloak = {statistics.median(values):.2f}")
PY
