#!/usr/bin/env bash
# End-to-end benchmark of recording purchases: the service (POST /api/v1/purchases) against the
# same rows written by pgbench straight into PostgreSQL.
#
#   bench/purchases/run.sh [--skip-build] [--customers 2000] [--levels 1,8,32,64] [--initial-warmup 20] [--warmup 5]
#                          [--duration 20] [--port 18080] [--no-service] [--no-pgbench]
#                          [--no-pgbench-full] [--keep-redis] [--wait-quiet LOAD[:MAX_S]] [--launcher]
#                          [--client java|wrk]
#   bench/purchases/run.sh --summarize bench/purchases/results/<timestamp>   (rebuild summary.md only)
#
# Steps: build the jar (unless --skip-build); drop/create the database $BENCH_DB; flush Redis
# db $REDIS_DB; start `java -jar app/target/punchcard.jar` on the external PostgreSQL/Redis and time
# it from process start to the first healthy /actuator/health; read idle RSS; run LoadClient.java
# (closed loop at each level, then open loop at half the best closed-loop rate) while sampling RSS;
# check the database is consistent with what the client saw; stop the service; run pgbench with
# purchase.sql (and purchase_full.sql) at the same levels on a fresh database $PGBENCH_DB; print a
# summary and write everything into bench/purchases/results/<UTC timestamp>/.
#
# --launcher starts the service as the README does (bin/punchcard: the extracted jar with its start-up cache,
# -Xmx256m plus JAVA_OPTS) instead of `java $JAVA_OPTS -jar $JAR`; JAR= is then ignored.
# --client wrk sends the closed-loop purchases with wrk and purchase.lua (apt-get install wrk) instead of
# LoadClient's JDK HttpClient, which costs about 1 ms of CPU per request on these 2 cores, as much as the
# service's PostgreSQL work; pgbench's client costs a tenth of that. Enrolment, JIT warm-up, the open loop
# and all checks stay with LoadClient.
# Environment: BENCH_JAVA_HOME (JDK for build, service and client; default /usr/lib/jvm/temurin-25-jdk-amd64), JAVA_OPTS (extra JVM flags for
# the service, default none), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), BENCH_DB
# (punchcard_bench), PGBENCH_DB (punchcard_pgbench), REDIS_HOST/REDIS_PORT/REDIS_DB (127.0.0.1/6379/5),
# HEALTH_PATH (/actuator/health), IDLE_SETTLE_S (10), LOADCLIENT_JAVA_OPTS (JVM flags of the load client,
# default none; its GC log goes to loadclient-gc.log, since its pauses count as the service's latency),
# OPEN_CLIENT (nio, default: LoadClient's one-thread client over keep-alive connections; jdk: the JDK
# HttpClient with a virtual thread per request, as before, whose 0.3-0.4 cores and 10-40 ms young pauses
# every ~10 s counted as the service's latency), OPEN_RATE (the open loop's rate, default auto: half the peak). The service inherits the environment, so settings
# can be added with e.g. SPRING_APPLICATION_JSON; machine.txt records it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

JAVA_HOME="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAVA_OPTS="${JAVA_OPTS:-}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
BENCH_DB="${BENCH_DB:-punchcard_bench}"
PGBENCH_DB="${PGBENCH_DB:-punchcard_pgbench}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DB="${REDIS_DB:-5}"
HEALTH_PATH="${HEALTH_PATH:-/actuator/health}"
IDLE_SETTLE_S="${IDLE_SETTLE_S:-10}"

BUILD=1
CUSTOMERS=2000
LEVELS="1,8,32,64"
WARMUP=5
INITIAL_WARMUP=20
DURATION=20
PORT=18080
RUN_SERVICE=1
RUN_PGBENCH=1
RUN_PGBENCH_FULL=1
FLUSH_REDIS=1
SUMMARIZE=""
WAIT_QUIET=""
LAUNCHER=0
CLIENT=java

usage() { awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; }

while [[ $# -gt 0 ]]; do
	case "$1" in
		--skip-build) BUILD=0 ;;
		--customers) CUSTOMERS="$2"; shift ;;
		--levels) LEVELS="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--initial-warmup) INITIAL_WARMUP="$2"; shift ;;
		--duration) DURATION="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--no-service) RUN_SERVICE=0 ;;
		--no-pgbench) RUN_PGBENCH=0; RUN_PGBENCH_FULL=0 ;;
		--no-pgbench-full) RUN_PGBENCH_FULL=0 ;;
		--keep-redis) FLUSH_REDIS=0 ;;
		--summarize) SUMMARIZE="$2"; shift ;;
		--wait-quiet) WAIT_QUIET="$2"; shift ;;
		--launcher) LAUNCHER=1 ;;
		--client) CLIENT="$2"; shift ;;
		-h|--help) usage; exit 0 ;;
		*) echo "unknown option $1" >&2; usage >&2; exit 64 ;;
	esac
	shift
done

IFS=',' read -r -a LEVEL_LIST <<< "$LEVELS"
# JAR=path runs another build of the service, e.g. a before/after comparison in one go
JAR="${JAR:-$ROOT/app/target/punchcard.jar}"
BASE_URL="http://127.0.0.1:$PORT"
CLK_TCK="$(getconf CLK_TCK)"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
recreate_db() {
	psql_q -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}
rand() { LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1" || true; }
now_ns() { date +%s%N; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
machine_ticks() { awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t; exit}' /proc/stat; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

SERVICE_PID=""
SAMPLER_PID=""
start_sampler() { # service pid or 0
	/usr/bin/env python3 "$HERE/cpu_sampler.py" sample --out "$OUT/cpu.tsv" --service-pid "$1" \
		--dbs "$BENCH_DB,$PGBENCH_DB" &
	SAMPLER_PID=$!
}
cleanup() {
	if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
	if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
		kill -TERM "$SERVICE_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$SERVICE_PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT

# ------------------------------------------------------------------ quiet machine (optional)
# --wait-quiet 1.0:900 waits up to 900 s for the 1-minute load average to drop below 1.0
if [[ -n "$WAIT_QUIET" && -z "$SUMMARIZE" ]]; then
	QUIET_LOAD="${WAIT_QUIET%%:*}"; QUIET_MAX="${WAIT_QUIET#*:}"; [[ "$QUIET_MAX" != "$WAIT_QUIET" ]] || QUIET_MAX=900
	waited=0
	while awk -v l="$QUIET_LOAD" '{exit !($1 >= l)}' /proc/loadavg && (( waited < QUIET_MAX )); do
		(( waited % 60 == 0 )) && echo "waiting for load average < $QUIET_LOAD (now $(cut -d' ' -f1 /proc/loadavg), ${waited}s)" >&2
		sleep 5; waited=$(( waited + 5 ))
	done
	echo "load average $(cut -d' ' -f1 /proc/loadavg) after waiting ${waited}s" >&2
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/$STAMP"
if [[ $CLIENT == wrk ]] && ! command -v wrk > /dev/null; then
	echo "--client wrk needs wrk on PATH (apt-get install -y wrk)" >&2
	exit 64
fi
if [[ -n "$SUMMARIZE" ]]; then
	OUT="$(cd "$SUMMARIZE" && pwd)"
	STAMP="$(basename "$OUT")"
	RUN_SERVICE=0; RUN_PGBENCH=0; RUN_PGBENCH_FULL=0
fi
mkdir -p "$OUT"

# ------------------------------------------------------------------ machine notes
[[ -n "$SUMMARIZE" ]] || {
	echo "date_utc: $STAMP"
	echo "git: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))$(git -C "$ROOT" diff --quiet || echo ' +uncommitted changes')"
	echo "jar: $JAR"
	echo "cpu: $(nproc) x $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
	echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "kernel: $(uname -r)"
	echo "java (service + client): $("$JAVA" -version 2>&1 | head -1)"
	echo "java opts (service): ${JAVA_OPTS:-<none>}"
	echo "closed-loop client: $CLIENT$([[ $CLIENT == wrk ]] && echo " ($(wrk --version 2>&1 | head -1 | cut -d" " -f1-2))")"
	echo "config overrides (SPRING_APPLICATION_JSON): ${SPRING_APPLICATION_JSON:-<none>}"
	echo "postgres: $(psql -X -At -d postgres -c 'show server_version') at $PGHOST:$PGPORT; $(psql -X -At -d postgres -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings where name in ('shared_buffers','max_connections','synchronous_commit','fsync','wal_level','max_wal_size')")"
	echo "pgbench: $(pgbench --version)"
	echo "redis: $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" info server 2>/dev/null | awk -F: '/redis_version/ {print $2}' | tr -d '\r') db $REDIS_DB"
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "customers: $CUSTOMERS, levels: $LEVELS, warm-up ${WARMUP}s, measured ${DURATION}s (service: one ${INITIAL_WARMUP}s JIT warm-up at 8 clients first)"
	echo "top CPU consumers before the run:"
	ps -eo pid,pcpu,rss,comm --sort=-pcpu | head -8 | sed 's/^/  /'
} > "$OUT/machine.txt"
[[ -n "$SUMMARIZE" ]] || log "results in $OUT"

# ------------------------------------------------------------------ service
READY_MS=""; STARTED_LOG=""; RSS_IDLE_KB=""; RSS_PEAK_KB=""; HWM_KB=""; SERVICE_CPU_S=""
if [[ $RUN_SERVICE == 1 ]]; then
	if [[ $BUILD == 1 ]]; then
		log "building ($ROOT: ./mvnw -q -B -DskipTests package)"
		if ! (cd "$ROOT" && ./mvnw -q -B -DskipTests package) > "$OUT/build.log" 2>&1; then
			if grep -q 'spring-javaformat.*Formatting violations' "$OUT/build.log"; then
				# the benchmark does not depend on formatting; say so loudly and build anyway
				log "WARNING: the build fails spring-javaformat validation ($(grep -c '^\[ERROR\]  \* ' "$OUT/build.log") files); rebuilding with -Dspring-javaformat.skip=true"
				(cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package) >> "$OUT/build.log" 2>&1 \
					|| { tail -50 "$OUT/build.log" >&2; exit 1; }
			else
				tail -50 "$OUT/build.log" >&2; exit 1
			fi
		fi
	fi
	[[ -f "$JAR" ]] || { echo "no $JAR (build it, or drop --skip-build)" >&2; exit 1; }

	log "fresh database $BENCH_DB"
	recreate_db "$BENCH_DB"
	if [[ $FLUSH_REDIS == 1 ]]; then
		redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb > /dev/null
	fi
	if curl -s -o /dev/null --max-time 1 "$BASE_URL$HEALTH_PATH"; then
		echo "something already listens on port $PORT; pick another with --port" >&2; exit 1
	fi

	ADMIN_USER="bench-admin"
	ADMIN_PASSWORD="Bench-$(rand 20)"
	export SERVER_PORT="$PORT"
	export SPRING_R2DBC_URL="r2dbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
	export SPRING_R2DBC_USERNAME="$PGUSER"
	export SPRING_FLYWAY_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
	export SPRING_FLYWAY_USER="$PGUSER"
	export SPRING_DATA_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB"
	export PUNCHCARD_ADMIN_USERNAME="$ADMIN_USER"
	export PUNCHCARD_ADMIN_PASSWORD="$ADMIN_PASSWORD"
	export PUNCHCARD_JWT_SECRET="$(rand 48)"
	export PUNCHCARD_CODES_ACTIVE_KEY=A
	export PUNCHCARD_CODES_KEYS_A="$(rand 48)"

	cd "$ROOT"
	if [[ $LAUNCHER == 1 ]]; then
		# the README's run command, without its Maven step. The first start of a build trains its start-up
		# cache: do it once here (timed, on its own database) so that the measured start is an ordinary one
		log "first start of this build with bin/punchcard (trains the start-up cache if it has none)"
		first_ns="$(now_ns)"
		PUNCHCARD_BUILD=never "$ROOT/bin/punchcard" > "$OUT/service-first-start.log" 2>&1 &
		first_pid=$!
		until curl -fs -o /dev/null --max-time 2 "$BASE_URL$HEALTH_PATH"; do
			kill -0 "$first_pid" 2>/dev/null || { echo "the first start failed:" >&2; tail -40 "$OUT/service-first-start.log" >&2; exit 1; }
			(( $(now_ns) - first_ns < 600000000000 )) || { echo "the first start took over 600 s" >&2; exit 1; }
			sleep 0.2
		done
		log "first start: UP after $(( ($(now_ns) - first_ns) / 1000000 )) ms"
		kill -TERM "$first_pid"; wait "$first_pid" || true
		recreate_db "$BENCH_DB"
		redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb > /dev/null
	fi
	log "starting the service on port $PORT"
	START_NS="$(now_ns)"
	if [[ $LAUNCHER == 1 ]]; then
		PUNCHCARD_BUILD=never "$ROOT/bin/punchcard" > "$OUT/service.log" 2>&1 &
	else
		# shellcheck disable=SC2086
		"$JAVA" $JAVA_OPTS -jar "$JAR" > "$OUT/service.log" 2>&1 &
	fi
	SERVICE_PID=$!
	start_sampler "$SERVICE_PID"
	READY=0
	while (( $(now_ns) - START_NS < 120000000000 )); do
		if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
			echo "the service exited during start-up; last lines of its log:" >&2; tail -40 "$OUT/service.log" >&2; exit 1
		fi
		body="$(curl -s --max-time 5 -w ' HTTP %{http_code}' "$BASE_URL$HEALTH_PATH" 2>/dev/null || true)"
		# a generous timeout: the first health check opens the first Redis/R2DBC connections (~2 s on a
		# busy machine), and abandoning it makes the service log "Redis health check failed"
		# every answer that differs from the previous one, with its time since process start
		if [[ "$body" != "${last_body:-}" ]]; then
			printf '%6d ms  %s\n' $(( ($(now_ns) - START_NS) / 1000000 )) "${body:-<no answer>}" >> "$OUT/health-polls.log"
			last_body="$body"
		fi
		if [[ "$body" == *'"status":"UP"'* ]]; then
			READY_MS=$(( ($(now_ns) - START_NS) / 1000000 )); READY=1; body="${body% HTTP *}"; break
		fi
		sleep 0.05
	done
	[[ $READY == 1 ]] || { echo "not healthy after 120 s; last lines of its log:" >&2; tail -40 "$OUT/service.log" >&2; exit 1; }
	STARTED_LOG="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds[^)]*)' "$OUT/service.log" | head -1 || true)"
	log "ready after ${READY_MS} ms (${STARTED_LOG:-no 'Started' line})"
	echo "$body" > "$OUT/health.json"

	# it must run on the external servers: no embedded PostgreSQL/Redis children (their memory
	# would not be in the service's RSS), and its tables must be in $BENCH_DB
	CHILDREN="$(pgrep -P "$SERVICE_PID" -a || true)"
	if [[ -n "$CHILDREN" ]]; then
		log "WARNING: the service has child processes (embedded servers?): $CHILDREN"
		echo "$CHILDREN" > "$OUT/children.txt"
	fi
	if [[ "$(psql -X -At -d "$BENCH_DB" -c "select to_regclass('public.purchases') is not null")" != t ]]; then
		log "WARNING: no purchases table in $BENCH_DB: the service did not migrate the external database"
	fi

	sleep "$IDLE_SETTLE_S"
	RSS_IDLE_KB="$(rss_kb "$SERVICE_PID")"
	log "idle RSS $((RSS_IDLE_KB / 1024)) MiB (${IDLE_SETTLE_S}s after ready)"

	CPU0="$(cpu_ticks "$SERVICE_PID")"; T0="$(now_ns)"; LOAD_FROM_EPOCH="$(date +%s.%N)"

	# hard bound on top of the client's own: set-up + phases + slack
	NLEVELS=${#LEVEL_LIST[@]}
	BOUND=$(( 600 + INITIAL_WARMUP + (NLEVELS + 1) * (WARMUP + DURATION + 30) ))
	log "load client: $CUSTOMERS customers, levels $LEVELS, then open loop at half the peak (bound ${BOUND}s)"
	set +e
	timeout --signal=KILL "$BOUND" "$JAVA" ${LOADCLIENT_JAVA_OPTS:-} "-Xlog:gc:file=$OUT/loadclient-gc.log:uptime" "$HERE/LoadClient.java" --base-url "$BASE_URL" \
		--admin-user "$ADMIN_USER" --admin-password "$ADMIN_PASSWORD" --customers "$CUSTOMERS" \
		--levels "$LEVELS" --initial-warmup "$INITIAL_WARMUP" --warmup "$WARMUP" --duration "$DURATION" \
		--open-rate "${OPEN_RATE:-auto}" --open-client "${OPEN_CLIENT:-nio}" --out "$OUT" --client "$CLIENT" --wrk-script "$HERE/purchase.lua" \
		2>&1 | tee "$OUT/loadclient.out"
	CLIENT_RC=${PIPESTATUS[0]}
	set -e
	SERVICE_CPU_S="$(awk -v a="$CPU0" -v b="$(cpu_ticks "$SERVICE_PID")" -v t="$CLK_TCK" 'BEGIN {printf "%.1f", (b - a) / t}')"
	LOAD_WALL_S="$(awk -v a="$T0" -v b="$(now_ns)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
	LOAD_UNTIL_EPOCH="$(date +%s.%N)"
	sleep 0.6 # one more sample
	# peak of the 0.5 s RSS samples taken while the client ran
	RSS_PEAK_KB="$(awk -F'\t' -v a="$LOAD_FROM_EPOCH" -v b="$LOAD_UNTIL_EPOCH" 'BEGIN {m = 0} NR > 1 && $1 >= a && $1 <= b + 0.6 && $NF > m {m = $NF} END {print m}' "$OUT/cpu.tsv")"
	HWM_KB="$(hwm_kb "$SERVICE_PID")"
	log "client exit $CLIENT_RC; peak RSS during load $((RSS_PEAK_KB / 1024)) MiB, VmHWM $((HWM_KB / 1024)) MiB; service CPU ${SERVICE_CPU_S}s over ${LOAD_WALL_S}s"

	# the database must hold exactly what the client was told, and the ledger must add up
	SENT_2XX="$(awk '/^TOTAL / {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == "purchases_2xx") print kv[2]}}' "$OUT/loadclient.out")"
	psql -X -d "$BENCH_DB" -A -F $'\t' > "$OUT/consistency.txt" 2>&1 <<-SQL
		SELECT 'purchases' AS what, count(*) AS n FROM purchases
		UNION ALL SELECT 'ledger EARN entries from purchases', count(*) FROM points_ledger_entries WHERE source_type = 'PURCHASE'
		UNION ALL SELECT 'outbox rows for purchases', count(*) FROM notification_outbox WHERE idempotency_key LIKE 'purchase:%'
		UNION ALL SELECT 'purchases without ledger entry', count(*) FROM purchases p WHERE p.points_earned > 0 AND NOT EXISTS (SELECT 1 FROM points_ledger_entries e WHERE e.source_type = 'PURCHASE' AND e.source_id = p.id::text)
		UNION ALL SELECT 'customers whose balance <> ledger sum', count(*) FROM points_balances b LEFT JOIN (SELECT customer_id, sum(delta) s FROM points_ledger_entries GROUP BY customer_id) e USING (customer_id) WHERE b.balance <> coalesce(e.s, 0)
		UNION ALL SELECT 'customers', count(*) FROM customers
		UNION ALL SELECT 'tier changes', count(*) FROM tier_changes;
	SQL
	CUT_OFF="$(awk '/^TOTAL / {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == "purchases_cut_off_at_most") print kv[2]}}' "$OUT/loadclient.out")"
	echo "client_2xx	${SENT_2XX:-?}" >> "$OUT/consistency.txt"
	# wrk stops with a request in flight on each connection: recorded, never counted as answered
	echo "client_cut_off_at_most	${CUT_OFF:-0}" >> "$OUT/consistency.txt"
	log "consistency: $(tr '\t\n' '=;' < "$OUT/consistency.txt")"
	# service-side trouble while under load
	grep -E '\b(ERROR|WARN)\b|Exception' "$OUT/service.log" > "$OUT/service-log-issues.txt" || true
	log "service log: $(grep -c -E '\bERROR\b' "$OUT/service.log" || true) ERROR lines, $(grep -c -E '\bWARN\b' "$OUT/service.log" || true) WARN lines"

	log "stopping the service"
	kill -TERM "$SERVICE_PID" 2>/dev/null || true
	for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
	kill -KILL "$SERVICE_PID" 2>/dev/null || true
	wait "$SERVICE_PID" 2>/dev/null || true
	SERVICE_PID=""
	cat > "$OUT/metrics.env" <<-ENV
		READY_MS=$READY_MS
		STARTED_LOG='$STARTED_LOG'
		RSS_IDLE_KB=$RSS_IDLE_KB
		RSS_PEAK_KB=$RSS_PEAK_KB
		HWM_KB=$HWM_KB
		SERVICE_CPU_S=$SERVICE_CPU_S
		LOAD_WALL_S=$LOAD_WALL_S
		CLIENT_RC=$CLIENT_RC
	ENV
fi

# ------------------------------------------------------------------ pgbench
run_pgbench() { # script label
	local script="$1" label="$2" dir="$OUT/pgbench"
	mkdir -p "$dir"
	log "pgbench $label: fresh database $PGBENCH_DB, schema from migrations, $CUSTOMERS customers"
	recreate_db "$PGBENCH_DB"
	for f in $(ls "$ROOT"/migrations/src/main/resources/db/migration/V*.sql | sort -V); do
		psql_q -d "$PGBENCH_DB" -f "$f"
	done
	psql_q -d "$PGBENCH_DB" -v customers="$CUSTOMERS" -f "$HERE/seed.sql"
	pgbench -n -M prepared -D customers="$CUSTOMERS" -f "$script" -c 8 -j 2 -T "$WARMUP" "$PGBENCH_DB" > "$dir/${label}_warmup.out" 2>&1
	for c in "${LEVEL_LIST[@]}"; do
		local j=$(( c < 2 ? c : 2 )) prefix="$dir/${label}_c$c"
		log "pgbench $label -c $c -j $j -T $DURATION -M prepared"
		local m0 m1 busy
		m0="$(machine_ticks)"; e0="$(date +%s.%N)"
		pgbench -n -M prepared -D customers="$CUSTOMERS" -f "$script" -c "$c" -j "$j" -T "$DURATION" \
			-l --log-prefix="$prefix" "$PGBENCH_DB" > "$prefix.out" 2>&1 || { cat "$prefix.out" >&2; exit 1; }
		m1="$(machine_ticks)"; e1="$(date +%s.%N)"
		busy="$(echo "$m0 $m1" | awk '{ if ($4 > $2) printf "%.0f", 100 * ($3 - $1) / ($4 - $2); else print "?" }')"
		local tps avg failed p50 p99 max n
		tps="$(awk '/^tps = / {print $3; exit}' "$prefix.out")"
		avg="$(awk '/^latency average/ {print $4; exit}' "$prefix.out")"
		failed="$(awk '/^number of failed transactions/ {print $5; exit}' "$prefix.out")"
		# per-transaction log: client_id transaction_no time_us script_no epoch epoch_us
		cat "$prefix".[0-9]* | awk '{print $3}' | sort -n > "$prefix.lat"
		n="$(wc -l < "$prefix.lat")"
		p50="$(awk -v n="$n" 'BEGIN {r = int(n * 0.50); if (r < n * 0.50) r++} NR == r {printf "%.2f", $1 / 1000}' "$prefix.lat")"
		p99="$(awk -v n="$n" 'BEGIN {r = int(n * 0.99); if (r < n * 0.99) r++} NR == r {printf "%.2f", $1 / 1000}' "$prefix.lat")"
		max="$(tail -1 "$prefix.lat" | awk '{printf "%.2f", $1 / 1000}')"
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$c" "$tps" "$avg" "$p50" "$p99" "$max" "$n" \
			"${failed:-0}" "$busy" "$(cut -d' ' -f1 /proc/loadavg)" "$e0" "$e1" >> "$OUT/pgbench.tsv"
		log "  tps $tps, avg $avg ms, p50 $p50 ms, p99 $p99 ms, failed ${failed:-0}, machine busy ${busy}%"
		tar -czf "$prefix.logs.tar.gz" -C "$dir" $(cd "$dir" && ls "${label}_c$c".[0-9]*) && rm -f "$prefix".[0-9]* "$prefix.lat"
	done
}
if [[ $RUN_PGBENCH == 1 ]]; then
	[[ -n "$SAMPLER_PID" ]] || start_sampler 0
	printf 'script\tclients\ttps\tavg_ms\tp50_ms\tp99_ms\tmax_ms\ttransactions\tfailed\tmachine_busy_pct\tloadavg1\tfrom_epoch\tuntil_epoch\n' > "$OUT/pgbench.tsv"
	run_pgbench "$HERE/purchase.sql" purchase
	if [[ $RUN_PGBENCH_FULL == 1 ]]; then
		run_pgbench "$HERE/purchase_full.sql" purchase_full
	fi
fi

# ------------------------------------------------------------------ summary
if [[ -n "$SAMPLER_PID" ]]; then
	kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
fi
if [[ -f "$OUT/cpu.tsv" ]]; then
	{
		[[ -f "$OUT/service.tsv" ]] && awk -F'\t' 'NR > 1 && $16 != "" {label = ($1 == "open" ? "service open " $3 "/s" : "service c=" $2); printf "%s\t%s\t%s\n", label, $16, $17}' "$OUT/service.tsv"
		[[ -f "$OUT/pgbench.tsv" ]] && awk -F'\t' 'NR > 1 && $12 != "" {printf "pgbench %s c=%s\t%s\t%s\n", $1, $2, $12, $13}' "$OUT/pgbench.tsv"
	} > "$OUT/windows.tsv" || true
	/usr/bin/env python3 "$HERE/cpu_sampler.py" report "$OUT/cpu.tsv" "$OUT/windows.tsv" > "$OUT/cpu-by-phase.tsv" || true
fi
HAVE_SERVICE=0
if [[ -f "$OUT/metrics.env" ]]; then
	# shellcheck disable=SC1091
	source "$OUT/metrics.env"
	HAVE_SERVICE=1
fi
if [[ -f "$OUT/machine.txt" ]]; then
	LEVELS_FROM_RUN="$(sed -n 's/^customers: .*levels: \(.*\), warm-up.*/\1/p' "$OUT/machine.txt")"
	[[ -z "$LEVELS_FROM_RUN" ]] || IFS=',' read -r -a LEVEL_LIST <<< "$LEVELS_FROM_RUN"
fi
TSVS=()
for f in "$OUT/service.tsv" "$OUT/pgbench.tsv"; do [[ -f "$f" ]] && TSVS+=("$f"); done
[[ ${#TSVS[@]} -gt 0 ]] || TSVS=(/dev/null)
[[ -n "$SUMMARIZE" ]] || echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
{
	echo "# Purchases benchmark $STAMP"
	echo
	echo '```'
	cat "$OUT/machine.txt"
	echo '```'
	echo
	echo "| clients | service req/s | p50 ms | p99 ms | errors | pgbench tps | p50 ms | p99 ms | service/pgbench | pgbench full tps | service/full |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for c in "${LEVEL_LIST[@]}"; do
		awk -F'\t' -v c="$c" '
			FILENAME ~ /service.tsv$/ && $1 == "closed" && $2 == c { s_rps = $7; s_p50 = $8; s_p99 = $10; s_err = $6 }
			FILENAME ~ /pgbench.tsv$/ && $1 == "purchase" && $2 == c { g_tps = $3; g_p50 = $5; g_p99 = $6 }
			FILENAME ~ /pgbench.tsv$/ && $1 == "purchase_full" && $2 == c { f_tps = $3 }
			END {
				ratio = (s_rps != "" && g_tps > 0) ? sprintf("%.2f", s_rps / g_tps) : "-"
				fratio = (s_rps != "" && f_tps > 0) ? sprintf("%.2f", s_rps / f_tps) : "-"
				printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c,
					(s_rps == "" ? "-" : s_rps), (s_p50 == "" ? "-" : s_p50), (s_p99 == "" ? "-" : s_p99),
					(s_err == "" ? "-" : s_err), (g_tps == "" ? "-" : sprintf("%.1f", g_tps)),
					(g_p50 == "" ? "-" : g_p50), (g_p99 == "" ? "-" : g_p99), ratio,
					(f_tps == "" ? "-" : sprintf("%.1f", f_tps)), fratio
			}' "${TSVS[@]}"
	done
	echo
	if [[ -s "$OUT/cpu-by-phase.tsv" ]]; then
		echo "CPU by measured phase, in cores (2 = the whole machine): service = the JVM; pg_ours = PostgreSQL backends"
		echo "of the benchmark databases; pg_aux = PostgreSQL's shared processes; loadgen = LoadClient/pgbench + sampler;"
		echo "kernel = kernel threads; irq = interrupts; others = everything else (other users' work = noise)."
		echo
		awk -F'\t' 'NR == 1 {printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; printf "\n|"; for (i = 1; i <= NF; i++) printf (i == 1 ? "---|" : "---:|"); printf "\n"; next}
			{printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; printf "\n"}' "$OUT/cpu-by-phase.tsv"
		echo
	fi
	if [[ -f "$OUT/service.tsv" ]]; then
		awk -F'\t' '$1 == "open" {printf "Open loop at %s req/s (half the best closed-loop rate): achieved %s req/s, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms, errors %s of %s\n", $3, $7, $8, $9, $10, $11, $6, $4}' "$OUT/service.tsv"
		echo
	fi
	if [[ $HAVE_SERVICE == 1 ]]; then
		echo "Start-up to first healthy response: ${READY_MS} ms (${STARTED_LOG:-n/a})"
		echo "RSS idle: $((RSS_IDLE_KB / 1024)) MiB (${IDLE_SETTLE_S:-10} s after ready); peak during load (0.5 s samples): $((RSS_PEAK_KB / 1024)) MiB; VmHWM (whole life): $((HWM_KB / 1024)) MiB"
		echo "Service CPU during the load run: ${SERVICE_CPU_S} s over ${LOAD_WALL_S} s wall"
		echo
		echo "Consistency after load:"
		sed 's/^/    /' "$OUT/consistency.txt"
		echo
		echo "Errors seen by the client (first body per status):"
		if [[ -s "$OUT/errors.txt" ]]; then sed 's/^/    /' "$OUT/errors.txt"; else echo "    none"; fi
		echo
		echo "Verdicts:"
		awk -F'\t' -v ready="$READY_MS" -v peak="$RSS_PEAK_KB" -v hwm="$HWM_KB" '
			FILENAME ~ /service.tsv$/ && $1 == "closed" && $2 == 32 { s32 = $7 }
			FILENAME ~ /service.tsv$/ && $1 == "open" { orate = $3; op99 = $10 }
			FILENAME ~ /pgbench.tsv$/ && $1 == "purchase" && $2 == 32 { g32 = $3 }
			END {
				if (s32 != "" && g32 > 0) printf "  throughput at 32 clients: service/pgbench = %.2f (target >= 0.5): %s\n", s32 / g32, (s32 / g32 >= 0.5 ? "PASS" : "MISS")
				if (op99 != "") printf "  p99 at half peak (%s req/s): %s ms (target < 25 ms): %s\n", orate, op99, (op99 + 0 < 25 ? "PASS" : "MISS")
				printf "  ready in %.2f s (target < 8 s): %s\n", ready / 1000, (ready + 0 < 8000 ? "PASS" : "MISS")
				big = (peak > hwm ? peak : hwm)
				printf "  peak RSS %d MiB (target < 512 MiB): %s\n", big / 1024, (big / 1024 < 512 ? "PASS" : "MISS")
			}' "${TSVS[@]}"
	fi
} > "$OUT/summary.md"
echo
cat "$OUT/summary.md"
log "done: $OUT"
