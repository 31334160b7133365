#!/usr/bin/env bash
# Fault suite (issue 7): shows, against the real jar, that an acknowledged purchase is never lost, nothing is
# credited twice, the ledger adds up and a chat update is handled once, while
#   1. one of two instances is killed with kill -9 at random moments under mixed load (purchases, refunds,
#      redemptions, Telegram updates), --kills times, and restarted;
#   2. PostgreSQL is stopped for --pg-down seconds and started again: the API answers 503 problem+json with
#      Retry-After meanwhile (never 500) and recovers by itself;
#   3. Redis is stopped for --redis-down seconds and started again (empty): purchases keep working, logins work
#      with the in-memory throttle, health says DEGRADED (200) and readiness stays UP, chat answers an apology.
# Afterwards every acknowledged write is checked in the database (exactly once), GET /api/v1/ledger/check must
# be clean, and every acknowledged Telegram update must be DONE and answered. Exits non-zero on any lost or
# duplicated write, a lost update, any HTTP 500, or a 503 without problem+json and Retry-After.
#
#   bench/faults/run.sh [--short] [--no-build] [--kills N] [--pg-down S] [--redis-down S] [--workers N]
#     full:    20 kills, PostgreSQL down 10 s, Redis down 15 s            (15-20 minutes on 2 cores)
#     --short:  3 kills, PostgreSQL down 5 s,  Redis down 8 s  (for CI; 2-4 minutes)
#
# Its own servers, so as not to disturb anyone else's work on this machine: a fresh PostgreSQL cluster (this
# machine's binaries under /usr/lib/postgresql/*/bin, initdb into a temporary directory, trust auth, run as the
# postgres user since initdb refuses root) and its own redis-server, on ports of their own; it stops and
# restarts only those, never the machine's services. Two service instances, a fake Telegram Bot API (inside
# FaultLoad.java), everything on 127.0.0.1. Ports FAULTS_BASE_PORT (19400) .. +4. Bounded: a hard timeout
# (--timeout, default 40 min; 6 min with --short) kills everything; a trap stops every process it started and
# removes the temporary directory. Results: bench/faults/results/<UTC timestamp>/ (summary.txt, logs, CSVs).
# The instances run with JAVA_OPTS (default -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC: C1 only and one GC
# thread halve the start-up time on 2 cores, and restarts, not throughput, are what this suite waits for).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$JAVA_HOME/bin/java" ]] || JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

BUILD=1
KILLS=20
PG_DOWN=10
REDIS_DOWN=15
WORKERS=8
TIMEOUT=2400
SHORT=0
while [[ $# -gt 0 ]]; do
	case "$1" in
		--short) SHORT=1; KILLS=3; PG_DOWN=5; REDIS_DOWN=8; TIMEOUT=360 ;;
		--no-build) BUILD=0 ;;
		--kills) KILLS=$2; shift ;;
		--pg-down) PG_DOWN=$2; shift ;;
		--redis-down) REDIS_DOWN=$2; shift ;;
		--workers) WORKERS=$2; shift ;;
		--timeout) TIMEOUT=$2; shift ;;
		-h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 64 ;;
	esac
	shift
done

BASE=${FAULTS_BASE_PORT:-19400}
export FAULTS_PORT_0=$BASE FAULTS_PORT_1=$((BASE + 1)) FAKE_PORT=$((BASE + 2))
export FAULTS_PG_PORT=$((BASE + 3)) FAULTS_REDIS_PORT=$((BASE + 4))
FAULTS_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV | head -n 1)
export FAULTS_PG_BIN
[[ -x "$FAULTS_PG_BIN/initdb" ]] || { echo "no PostgreSQL binaries under /usr/lib/postgresql/*/bin" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "no redis-server on PATH" >&2; exit 1; }
for port in $FAULTS_PORT_0 $FAULTS_PORT_1 $FAKE_PORT $FAULTS_PG_PORT $FAULTS_REDIS_PORT; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "port $port is taken; choose other ports with FAULTS_BASE_PORT" >&2; exit 1
	fi
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$HERE/results/$STAMP"
mkdir -p "$OUT"
FAULTS_TMP=$(mktemp -d /tmp/punchcard-faults.XXXXXX)
export FAULTS_TMP
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }

LOAD_PID=""
WATCHDOG=""
cleanup() {
	local rc=${1:-$?}
	set +e
	[[ -n "$WATCHDOG" ]] && kill "$WATCHDOG" 2>/dev/null
	[[ -n "$LOAD_PID" ]] && kill -9 "$LOAD_PID" 2>/dev/null
	for n in 0 1; do
		[[ -f "$FAULTS_TMP/instance-$n.pid" ]] && kill -9 "$(cat "$FAULTS_TMP/instance-$n.pid")" 2>/dev/null
	done
	[[ -f "$FAULTS_TMP/redis.pid" ]] && kill -9 "$(cat "$FAULTS_TMP/redis.pid")" 2>/dev/null
	if [[ -f "$FAULTS_TMP/pg/postmaster.pid" ]]; then
		bash "$HERE/ctl.sh" pg-stop >/dev/null 2>&1 || kill -9 "$(head -1 "$FAULTS_TMP/pg/postmaster.pid")" 2>/dev/null
	fi
	cp "$FAULTS_TMP"/*.log "$OUT/" 2>/dev/null
	rm -rf "$FAULTS_TMP"
	exit $rc
}
trap 'cleanup $?' EXIT
trap 'log "interrupted or timed out"; exit 124' INT TERM
# the hard bound: whatever hangs, the whole run ends after TIMEOUT seconds
(
	trap 'kill $sleeper 2>/dev/null; exit 0' TERM
	sleep "$TIMEOUT" & sleeper=$!
	wait $sleeper
	echo "hard timeout of ${TIMEOUT}s reached" >&2
	kill -TERM $$
) &
WATCHDOG=$!

{
	echo "date_utc: $STAMP"
	echo "git: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))$(git -C "$ROOT" diff --quiet HEAD -- app bot core webhooks migrations config || echo ' +uncommitted changes')"
	echo "mode: $([[ $SHORT == 1 ]] && echo short || echo full); kills $KILLS, PostgreSQL down ${PG_DOWN}s, Redis down ${REDIS_DOWN}s, $WORKERS workers"
	echo "cpu: $(nproc) x $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); java: $("$JAVA" -version 2>&1 | head -1)"
	echo "postgres: $("$FAULTS_PG_BIN/postgres" --version); redis: $(redis-server --version | awk '{print $3}')"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

if [[ $BUILD == 1 ]]; then
	log "building the jar (./mvnw -q -B -DskipTests package)"
	(cd "$ROOT" && ./mvnw -q -B -DskipTests package) >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
fi
export FAULTS_JAR="$ROOT/app/target/punchcard.jar" FAULTS_JAVA="$JAVA" FAULTS_JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
[[ -f "$FAULTS_JAR" ]] || { echo "no $FAULTS_JAR: build it or drop --no-build" >&2; exit 1; }

log "our own PostgreSQL on 127.0.0.1:$FAULTS_PG_PORT and Redis on 127.0.0.1:$FAULTS_REDIS_PORT (in $FAULTS_TMP)"
[[ $(id -u) == 0 ]] && chown postgres "$FAULTS_TMP"
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres "$FAULTS_PG_BIN/initdb" -D "$FAULTS_TMP/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$OUT/initdb.log" 2>&1
cat >>"$FAULTS_TMP/pg/postgresql.conf" <<-CONF
	listen_addresses = '127.0.0.1'
	port = $FAULTS_PG_PORT
	unix_socket_directories = '$FAULTS_TMP'
	max_connections = 100
	shared_buffers = 128MB
	fsync = on
	synchronous_commit = on
CONF
bash "$HERE/ctl.sh" pg-start
export PGHOST=127.0.0.1 PGPORT=$FAULTS_PG_PORT PGUSER=postgres
psql -X -q -d postgres -c "CREATE DATABASE punchcard"
bash "$HERE/ctl.sh" redis-start

rand() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1" || true; }
export SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$FAULTS_PG_PORT/punchcard" SPRING_R2DBC_USERNAME=postgres
export SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$FAULTS_PG_PORT/punchcard" SPRING_FLYWAY_USER=postgres
export SPRING_DATA_REDIS_URL="redis://127.0.0.1:$FAULTS_REDIS_PORT/0"
ADMIN_PASSWORD="Faults-$(rand 20)"
export PUNCHCARD_ADMIN_USERNAME=faults-admin PUNCHCARD_ADMIN_PASSWORD="$ADMIN_PASSWORD"
export PUNCHCARD_JWT_SECRET="$(rand 48)" PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A="$(rand 48)"
SECRET="faults-$(rand 24)"
export TELEGRAM_BOT_TOKEN=123456:FAULTS-token TELEGRAM_MODE=webhook TELEGRAM_WEBHOOK_SECRET="$SECRET"
export TELEGRAM_API_URL="http://127.0.0.1:$FAKE_PORT" TELEGRAM_BOT_USERNAME=faults_bot
# Telegram's own send limits are not what is tested here; a shorter lease than the default 60 s lets the
# sweeper of the surviving instance take over a killed instance's claimed updates sooner, so the run stays short
export PUNCHCARD_TELEGRAM_RATELIMITS_GLOBALPERSECOND=100000 PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATPERSECOND=1000
export PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATBURST=100
export PUNCHCARD_TELEGRAM_INTAKE_LEASE=20s PUNCHCARD_TELEGRAM_INTAKE_PROCESSINGTIMEOUT=15s
# both at once: Flyway's lock lets one of them apply the migrations while the other waits
bash "$HERE/ctl.sh" start-instance 0
bash "$HERE/ctl.sh" start-instance 1

log "load and faults (FaultLoad.java); the instances log into $OUT/instance-*.log"
START_S=$(date +%s)
"$JAVA" "$HERE/FaultLoad.java" --instances "http://127.0.0.1:$FAULTS_PORT_0,http://127.0.0.1:$FAULTS_PORT_1" \
	--ctl "$HERE/ctl.sh" --fake-port "$FAKE_PORT" --secret "$SECRET" --admin-user faults-admin \
	--admin-password "$ADMIN_PASSWORD" --kills "$KILLS" --pg-down "$PG_DOWN" --redis-down "$REDIS_DOWN" \
	--workers "$WORKERS" --deadline $((TIMEOUT - 45)) --out "$OUT" >"$OUT/load.log" 2>&1 &
LOAD_PID=$!
tail -n +1 -f --pid=$LOAD_PID "$OUT/load.log" >&2 &
set +e
wait $LOAD_PID
LOAD_RC=$?
set -e
LOAD_PID=""
[[ -f "$OUT/load-summary.txt" ]] || { log "the load client ended ($LOAD_RC) without a summary"; exit 1; }

log "checking the database against what was acknowledged"
psql -X -q -v ON_ERROR_STOP=1 -d punchcard -At -F '=' >"$OUT/db-check.txt" <<-SQL
	CREATE TEMP TABLE acked_purchases (receipt_no text, purchase_id uuid, customer_id uuid);
	CREATE TEMP TABLE tried_purchases (receipt_no text);
	CREATE TEMP TABLE acked_refunds (purchase_id uuid, refund_no text, refund_id uuid);
	CREATE TEMP TABLE tried_refunds (purchase_id uuid, refund_no text);
	CREATE TEMP TABLE acked_redemptions (customer_id uuid, request_key text, voucher_id uuid);
	CREATE TEMP TABLE tried_redemptions (customer_id uuid, request_key text);
	CREATE TEMP TABLE acked_updates (update_id text, chat_id bigint);
	\copy acked_purchases FROM '$OUT/acked-purchases.csv' CSV
	\copy tried_purchases FROM '$OUT/tried-purchases.csv' CSV
	\copy acked_refunds FROM '$OUT/acked-refunds.csv' CSV
	\copy tried_refunds FROM '$OUT/tried-refunds.csv' CSV
	\copy acked_redemptions FROM '$OUT/acked-redemptions.csv' CSV
	\copy tried_redemptions FROM '$OUT/tried-redemptions.csv' CSV
	\copy acked_updates FROM '$OUT/acked-updates.csv' CSV
	SELECT 'purchases_acknowledged', count(*) FROM acked_purchases;
	SELECT 'purchases_lost', count(*) FROM acked_purchases a
	    WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.id = a.purchase_id AND p.receipt_no = a.receipt_no);
	SELECT 'purchases_duplicated', count(*) FROM (SELECT 1 FROM purchases GROUP BY store_id, receipt_no HAVING count(*) > 1) d;
	SELECT 'purchases_not_credited_once', count(*) FROM purchases p
	    WHERE (SELECT count(*) FROM points_ledger_entries e WHERE e.source_type = 'PURCHASE' AND e.source_id = p.id::text) <> 1;
	SELECT 'purchases_unacknowledged_but_recorded', count(*) FROM purchases p
	    WHERE NOT EXISTS (SELECT 1 FROM acked_purchases a WHERE a.receipt_no = p.receipt_no);
	SELECT 'purchases_unexpected', count(*) FROM purchases p
	    WHERE NOT EXISTS (SELECT 1 FROM tried_purchases t WHERE t.receipt_no = p.receipt_no);
	SELECT 'refunds_acknowledged', count(*) FROM acked_refunds;
	SELECT 'refunds_lost', count(*) FROM acked_refunds a
	    WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = a.refund_id AND r.purchase_id = a.purchase_id AND r.refund_no = a.refund_no);
	SELECT 'refunds_duplicated', count(*) FROM (SELECT 1 FROM refunds GROUP BY purchase_id, refund_no HAVING count(*) > 1) d;
	SELECT 'refunds_unacknowledged_but_recorded', count(*) FROM refunds r
	    WHERE NOT EXISTS (SELECT 1 FROM acked_refunds a WHERE a.refund_id = r.id);
	SELECT 'redemptions_acknowledged', count(*) FROM acked_redemptions;
	SELECT 'redemptions_lost', count(*) FROM acked_redemptions a
	    WHERE NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.id = a.voucher_id AND v.customer_id = a.customer_id AND v.request_key = a.request_key);
	SELECT 'redemptions_duplicated', count(*) FROM (SELECT 1 FROM vouchers GROUP BY customer_id, request_key HAVING count(*) > 1) d;
	SELECT 'redemptions_unacknowledged_but_recorded', count(*) FROM vouchers v
	    WHERE NOT EXISTS (SELECT 1 FROM acked_redemptions a WHERE a.voucher_id = v.id);
	SELECT 'ledger_entries_duplicated', count(*) FROM (SELECT 1 FROM points_ledger_entries GROUP BY source_type, source_id HAVING count(*) > 1) d;
	SELECT 'ledger_balances_off', count(*) FROM points_balances b
	    WHERE b.balance <> COALESCE((SELECT sum(delta) FROM points_ledger_entries e WHERE e.customer_id = b.customer_id), 0);
	SELECT 'updates_acknowledged', count(*) FROM acked_updates;
	SELECT 'updates_lost', count(*) FROM acked_updates a
	    WHERE NOT EXISTS (SELECT 1 FROM inbound_updates u WHERE u.channel = 'TELEGRAM' AND u.update_id = a.update_id);
	SELECT 'updates_not_done', count(*) FROM acked_updates a JOIN inbound_updates u
	    ON u.channel = 'TELEGRAM' AND u.update_id = a.update_id WHERE u.status <> 'DONE';
	SELECT 'updates_handled_more_than_once', count(*) FROM acked_updates a JOIN inbound_updates u
	    ON u.channel = 'TELEGRAM' AND u.update_id = a.update_id WHERE u.attempts > 1;
SQL
END_S=$(date +%s)

{
	cat "$OUT/machine.txt"
	echo "load and faults: $((END_S - START_S)) s"
	cat "$OUT/load-summary.txt"
	cat "$OUT/db-check.txt"
} >"$OUT/summary.txt"

# the verdict: any of these non-zero fails the run
FAIL=0
value() { awk -F= -v k="$1" '$1 == k {print $2}' "$OUT/summary.txt" | tail -1; }
for key in purchases_lost purchases_duplicated purchases_not_credited_once purchases_unexpected refunds_lost refunds_duplicated \
		redemptions_lost redemptions_duplicated ledger_entries_duplicated ledger_balances_off updates_lost updates_not_done \
		updates_unanswered http_500 http_5xx_other_than_503 pg_down_503_without_problem_json_or_retry_after \
		ledger_check_inconsistent redis_down_purchases_failed checks_failed; do
	v=$(value "$key")
	if [[ -z "$v" ]]; then
		echo "verdict: $key missing" >>"$OUT/summary.txt"; FAIL=1
	elif [[ "$v" != 0 ]]; then
		echo "verdict: $key = $v (must be 0)" >>"$OUT/summary.txt"; FAIL=1
	fi
done
[[ $LOAD_RC == 0 ]] || { echo "verdict: load client exit code $LOAD_RC" >>"$OUT/summary.txt"; FAIL=1; }
[[ $FAIL == 0 ]] && echo "verdict: PASS" >>"$OUT/summary.txt" || echo "verdict: FAIL" >>"$OUT/summary.txt"
cat "$OUT/summary.txt"
log "results in $OUT"
exit $FAIL
