#!/usr/bin/env bash
# Imports benchmark (issue 10, part 4): generates a members file and a purchases file (generate.py), starts the
# service with the README's JVM flags (config/jvm.options) on this machine's PostgreSQL (fresh database punchcard_importbench) and
# Redis (index 9), uploads the members file, then the purchases file (credited as live purchases, or with
# --historical as history only), and samples the import's progress (GET /api/v1/imports/{id}) and the service's
# heap in use and RSS every 2 s while it runs. Reports rows/s, total time, peak heap used and peak RSS.
# Hold /tmp/bench.lock while it runs: flock /tmp/bench.lock bench/imports/run.sh ...
#   bench/imports/run.sh [--no-build] [--members 50000] [--purchases 1000000] [--historical] [--form]
# --form uploads the files as multipart/form-data (a file part) instead of a text/csv body.
# JAR=path runs another build; JAVA_OPTS= the service's JVM options (default the README's, config/jvm.options).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)}
JAVA="$JAVA_HOME/bin/java"
BUILD=1
MEMBERS=50000
PURCHASES=1000000
HISTORICAL=false
FORM=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --members) MEMBERS=$2; shift ;;
        --purchases) PURCHASES=$2; shift ;;
        --historical) HISTORICAL=true ;;
        --form) FORM=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

OUT="bench/imports/results/$(date -u +%Y%m%dT%H%M%SZ)-$PURCHASES"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[[ $BUILD == 1 ]] && ./mvnw -q -B -o -DskipTests package
JAR_PATH=$(realpath "${JAR:-app/target/punchcard.jar}")
DB=punchcard_importbench
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
redis-cli -n 9 flushdb >/dev/null
DATA=$(mktemp -d /tmp/importbench.XXXXXX)
STORES=(BENCH-1 BENCH-2 BENCH-3 BENCH-4 BENCH-5)
python3 bench/imports/generate.py "$DATA" "$MEMBERS" "$PURCHASES" "${STORES[@]}"
ls -l "$DATA" >"$OUT/files.txt"

PORT=18290
env SERVER_PORT=$PORT \
    SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/$DB SPRING_R2DBC_USERNAME=postgres \
    SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_FLYWAY_USER=postgres \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/9 \
    PUNCHCARD_JWT_SECRET=bench-jwt-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A=bench-code-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_ADMIN_USERNAME=bench-admin PUNCHCARD_ADMIN_PASSWORD=bench-admin-password \
    PUNCHCARD_IMPORTS_DIRECTORY="$DATA/uploads" \
    PUNCHCARD_BROADCASTS_SENDING_ENABLED=false PUNCHCARD_SEGMENTS_SCORES_SCHEDULED=false \
    "$JAVA" ${JAVA_OPTS:-$(grep -v "^#" config/jvm.options)} "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR_PATH" >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
done
API="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -sf -XPOST "$API/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"bench-admin","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
for code in "${STORES[@]}"; do
    curl -sf -XPOST "$API/stores" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"code\":\"$code\",\"name\":\"Store $code\"}" >/dev/null
done

echo "kind,elapsed_s,state,rows_read,accepted,rejected,percent,rows_per_s,heap_used_kb,rss_kb" >"$OUT/progress.csv"
import_file() { # kind path query
    local started id state t0 now
    t0=$(date +%s.%N)
    if [[ $FORM == 1 ]]; then
        started=$(curl -sf -XPOST "$API/imports/$1$3" -H "Authorization: Bearer $TOKEN" -F "file=@$2;type=text/csv")
    else
        started=$(curl -sf -XPOST "$API/imports/$1$3" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
            --data-binary "@$2")
    fi
    id=$(echo "$started" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    state=RUNNING
    while [[ $state == RUNNING ]]; do
        sleep 2
        local view heap rss
        view=$(curl -sf "$API/imports/$id" -H "Authorization: Bearer $TOKEN")
        heap=$("$JAVA_HOME/bin/jcmd" "$PID" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' || echo 0)
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
        now=$(date +%s.%N)
        state=$(echo "$view" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
        echo "$view" | python3 -c "
import json,sys
v=json.load(sys.stdin)
print(','.join(str(x) for x in ['$1', round($now-$t0,1), v['state'], v['rowsRead'], v['accepted'], v['rejected'],
      v['percent'], v['rowsPerSecond'], '$heap', '$rss']))" >>"$OUT/progress.csv"
    done
    curl -sf "$API/imports/$id" -H "Authorization: Bearer $TOKEN" >"$OUT/$1.json"
    echo "$1: $(cat "$OUT/$1.json")"
}
import_file members "$DATA/members.csv" ""
import_file purchases "$DATA/purchases.csv" "?historical=$HISTORICAL"
grep VmHWM "/proc/$PID/status" >"$OUT/peak-rss.txt"
psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT 'purchases', count(*) FROM purchases UNION ALL
    SELECT 'ledger entries', count(*) FROM points_ledger_entries UNION ALL
    SELECT 'balances not the sum of their entries', count(*) FROM points_balances b
      WHERE b.balance <> COALESCE((SELECT SUM(delta) FROM points_ledger_entries e WHERE e.customer_id = b.customer_id), 0)" \
    >"$OUT/counts.txt"
python3 - "$OUT/progress.csv" <<'PY' | tee "$OUT/summary.txt"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for kind in ("members", "purchases"):
    r = [x for x in rows if x["kind"] == kind]
    if not r: continue
    print(f"{kind}: {r[-1]['rows_read']} rows in about {r[-1]['elapsed_s']} s, {r[-1]['rows_per_s']} rows/s by the import's own clock; "
          f"peak heap used {max(int(x['heap_used_kb']) for x in r)//1024} MiB, peak RSS sampled {max(int(x['rss_kb']) for x in r)//1024} MiB")
PY
cat "$OUT/peak-rss.txt" "$OUT/counts.txt"
