#!/usr/bin/env bash
# Writes a Gatling feeder with real demo usernames, read from the embedded PostgreSQL of a running
# OneCampus started with the demo profile, so that the benchmark signs in as many different people
# instead of cycling through the nine fixed demo accounts.
#
#   bench/fetch-usernames.sh DATA_DIR [COUNT] [OUT]
#
#   DATA_DIR  the --onecampus.data-dir of the running application (its embedded PostgreSQL is in
#             DATA_DIR/postgres; the port is read from its postmaster.pid)
#   COUNT     how many accounts (default 1000), chosen at random among the enabled ones that need
#             no password change
#   OUT       the CSV to write (default bench/target/users-demo.csv)
#
# Then: ./mvnw -f bench/pom.xml gatling:test ... -DusersFile=$PWD/bench/target/users-demo.csv
# Needs the psql client (Debian: postgresql-client). Connects to 127.0.0.1 only. Every demo account
# has the demo password; never point this at a production database.
set -euo pipefail

DATA_DIR=${1:?usage: bench/fetch-usernames.sh DATA_DIR [COUNT] [OUT]}
COUNT=${2:-1000}
OUT=${3:-bench/target/users-demo.csv}
PASSWORD='Xq7!campus-Demo'

[[ "$COUNT" =~ ^[0-9]+$ ]] || { echo "COUNT must be a number: $COUNT" >&2; exit 2; }
PIDFILE="$DATA_DIR/postgres/postmaster.pid"
[[ -r "$PIDFILE" ]] || { echo "no running embedded PostgreSQL in $DATA_DIR/postgres (is the application up?)" >&2; exit 1; }
PORT=$(sed -n 4p "$PIDFILE")
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "could not read the port from $PIDFILE" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
usernames=$(PGCONNECT_TIMEOUT=10 psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d onecampus -v ON_ERROR_STOP=1 \
	-c "select username from identity_account where enabled and not must_change_password order by random() limit $COUNT")
{
	echo "username,password"
	while IFS= read -r name; do
		[[ -n "$name" ]] && printf '%s,%s\n' "$name" "$PASSWORD"
	done <<<"$usernames"
} >"$OUT"
echo "wrote $(( $(wc -l <"$OUT") - 1 )) accounts to $OUT"
