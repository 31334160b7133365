#!/usr/bin/env bash
# Analytics benchmark (issue 10, part 1). Fills a fresh database (punchcard_analyticsbench) on this machine's
# PostgreSQL with generate.sql (100,000 members, 2,000,000 purchases with ~6,000,000 line items over 395 days,
# refunds, ledger, vouchers, tier changes, referrals, 12 broadcasts of 10,000 recipients), starts the service jar on
# it (Flyway off: migrate.sh applied the schema), waits until its rollup job has rolled everything up, then times
# every analytics endpoint over HTTP for the last 30, 90 and 365 days, all stores and one store: WARMUP untimed and
# RUNS timed requests each, reporting p50/p95/max. Hold /tmp/bench.lock while timing:
#   flock /tmp/bench.lock bench/analytics/run.sh [--no-build] [--reuse]
# --reuse keeps the database of a previous run (skips migrate.sh and generate.sql).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)}
JAVA="$JAVA_HOME/bin/java"
BUILD=1
REUSE=0
DB=${DB:-punchcard_analyticsbench}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --reuse) REUSE=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
OUT="bench/analytics/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[[ $BUILD == 1 ]] && ./mvnw -q -B -o -DskipTests package
JAR_PATH=$(realpath "${JAR:-app/target/punchcard.jar}")
if [[ $REUSE == 0 ]]; then
    bench/analytics/migrate.sh "$DB"
    /usr/bin/time -f "generate: %e s" psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qf bench/analytics/generate.sql \
        >"$OUT/generate.log" 2>&1
fi
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT 'purchases', count(*) FROM purchases UNION ALL
    SELECT 'line items', count(*) FROM purchase_items UNION ALL SELECT 'ledger entries', count(*) FROM points_ledger_entries
    UNION ALL SELECT 'members', count(*) FROM customers" | tee "$OUT/counts.txt"

PORT=18310
STARTED=$(date +%s)
env SERVER_PORT=$PORT SPRING_FLYWAY_ENABLED=false \
    SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/$DB SPRING_R2DBC_USERNAME=postgres \
    SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_FLYWAY_USER=postgres \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/10 \
    PUNCHCARD_JWT_SECRET=bench-jwt-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A=bench-code-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_ADMIN_USERNAME=bench-admin PUNCHCARD_ADMIN_PASSWORD=bench-admin-password \
    PUNCHCARD_BROADCASTS_SENDING_ENABLED=false PUNCHCARD_BROADCASTS_SCHEDULED=false \
    PUNCHCARD_SEGMENTS_SCORES_SCHEDULED=false PUNCHCARD_POINTS_EXPIRY_SCHEDULED=false \
    PUNCHCARD_LEADERBOARD_SCHEDULED=false \
    PUNCHCARD_ANALYTICS_ROLLUP_EVERY=15s PUNCHCARD_ANALYTICS_ROLLUP_LAG=1s \
    "$JAVA" ${JAVA_OPTS:--Xmx512m} -jar "$JAR_PATH" >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
done
# the rollup job's first run takes everything generated; wait until the watermark has passed the data and the job
# has run since start-up (with --reuse, that run rolls up the broadcasts that are over)
T0=$(date +%s)
until [[ $(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT rolled_up_to > (SELECT max(created_at) FROM purchases)
        AND updated_at > to_timestamp($STARTED) FROM analytics_rollup_state") == t ]]; do
    sleep 2
done
echo "rollup caught up $(( $(date +%s) - T0 )) s after start-up (first run after 15 s)" | tee "$OUT/rollup.txt"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT 'sales_hourly', count(*) FROM analytics_sales_hourly UNION ALL
    SELECT 'items_daily', count(*) FROM analytics_items_daily UNION ALL SELECT 'points_hourly', count(*) FROM analytics_points_hourly
    UNION ALL SELECT 'items_monthly', count(*) FROM analytics_items_monthly
    UNION ALL SELECT 'member_last_purchase', count(*) FROM analytics_member_last_purchase
    UNION ALL SELECT 'broadcasts_rolled_up', count(*) FROM analytics_broadcasts_rolled_up
    UNION ALL SELECT 'broadcast_windows', count(*) FROM analytics_broadcast_windows" \
    | tee -a "$OUT/rollup.txt"
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM ANALYZE analytics_sales_hourly, analytics_items_daily, analytics_points_hourly,
    analytics_items_monthly, analytics_items_monthly_all, analytics_member_last_purchase, analytics_broadcast_windows"

API="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -sf -XPOST "$API/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"bench-admin","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
TO=$(date -u +%F)
echo "report,days,store,run,seconds,status" >"$OUT/timings.csv"
for report in members sales products points rewards tiers referrals broadcasts; do
    for days in 30 90 365; do
        FROM=$(date -u -d "$TO - $((days - 1)) days" +%F)
        for store in "" BENCH-7; do
            URL="$API/analytics/$report?from=$FROM&to=$TO&zone=Europe/Berlin${store:+&store=$store}"
            for run in $(seq 1 $((WARMUP + RUNS))); do
                line=$(curl -s -o "$OUT/last.json" -w '%{time_total},%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL")
                [[ $run -gt $WARMUP ]] && echo "$report,$days,${store:-all},$run,$line" >>"$OUT/timings.csv"
            done
            cp "$OUT/last.json" "$OUT/$report-$days-${store:-all}.json"
        done
    done
done
# baseline in the same go: a zone off the whole hour (Asia/Kolkata) makes sales and points read the raw rows alone
FROM=$(date -u -d "$TO - 364 days" +%F)
for report in sales points; do
    URL="$API/analytics/$report?from=$FROM&to=$TO&zone=Asia/Kolkata"
    for run in $(seq 1 $((WARMUP + 5))); do
        line=$(curl -s -o "$OUT/last.json" -w '%{time_total},%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL")
        [[ $run -gt $WARMUP ]] && echo "$report-raw-kolkata,365,all,$run,$line" >>"$OUT/timings.csv"
    done
done
python3 - "$OUT/timings.csv" <<'PY' | tee "$OUT/summary.txt"
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
keys = []
for r in rows:
    k = (r["report"], r["days"], r["store"])
    if k not in keys: keys.append(k)
print(f"{'report':<11}{'days':>5} {'store':<8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  status")
for k in keys:
    t = sorted(float(r["seconds"]) * 1000 for r in rows if (r["report"], r["days"], r["store"]) == k)
    st = {r["status"] for r in rows if (r["report"], r["days"], r["store"]) == k}
    p95 = t[min(len(t) - 1, int(round(0.95 * len(t) + 0.5)) - 1)]
    print(f"{k[0]:<11}{k[1]:>5} {k[2]:<8}{statistics.median(t):>9.1f}{p95:>9.1f}{t[-1]:>9.1f}  {','.join(sorted(st))}")
PY
