#!/usr/bin/env bash
# Broadcast benchmark (issue 9, part 5): a WhatsApp broadcast to --members members and, at the same time, a
# Telegram broadcast to --telegram of them, against fake platforms on loopback (FakePlatforms.java) that enforce
# WhatsApp 1,000 messages/s and Telegram 30/s and answer 130429 / 429 above them. Reports, per channel, the
# achieved rate as a share of the allowed one (steady state: from the 2nd second after the first message to the
# last full second), the rate-limit errors provoked, the time from start to the first message, and each
# instance's heap (used after a full GC) and RSS when 10,000 and 100,000 recipients are settled.
# Uses this machine's PostgreSQL (fresh database punchcard_bcbench) and Redis (index 8). Loopback only; bounded.
#   bench/broadcasts/run.sh [--no-build] [--instances 1|2] [--members 100000] [--telegram 3000] [--timeout 600]
# JAR=path runs another build; JAVA_OPTS= the service's JVM options (default the README's, config/jvm.options).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)}
JAVA="$JAVA_HOME/bin/java"
BUILD=1
INSTANCES=1
MEMBERS=100000
TELEGRAM=3000
TIMEOUT=600
WA_RATE=1000
TG_RATE=30
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --instances) INSTANCES=$2; shift ;;
        --members) MEMBERS=$2; shift ;;
        --telegram) TELEGRAM=$2; shift ;;
        --timeout) TIMEOUT=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

OUT="bench/broadcasts/results/$(date -u +%Y%m%dT%H%M%SZ)-x$INSTANCES"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[[ $BUILD == 1 ]] && ./mvnw -q -B -DskipTests package
JAR_PATH=$(realpath "${JAR:-app/target/punchcard.jar}")
DB=punchcard_bcbench
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
redis-cli -n 8 flushdb >/dev/null

FAKE_PORT=18191
"$JAVA" bench/broadcasts/FakePlatforms.java --port $FAKE_PORT --wa-rate $WA_RATE --tg-rate $TG_RATE \
    >"$OUT/fake.csv" 2>"$OUT/fake.err" &
FAKE_PID=$!
PIDS=($FAKE_PID)
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

PHONE_NUMBER_ID=1234567890
start_instance() { # port log
    env SERVER_PORT=$1 \
        SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/$DB SPRING_R2DBC_USERNAME=postgres \
        SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_FLYWAY_USER=postgres \
        SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/8 \
        PUNCHCARD_JWT_SECRET=bench-jwt-secret-0123456789-abcdefghijklmnop \
        PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A=bench-code-secret-0123456789-abcdefghijklmnop \
        PUNCHCARD_ADMIN_USERNAME=bench-admin PUNCHCARD_ADMIN_PASSWORD=bench-admin-password \
        TELEGRAM_BOT_TOKEN=123456:BENCH-token TELEGRAM_MODE=webhook TELEGRAM_WEBHOOK_SECRET=bench-secret \
        TELEGRAM_API_URL=http://127.0.0.1:$FAKE_PORT TELEGRAM_BOT_USERNAME=bench_bot \
        PUNCHCARD_TELEGRAM_RATELIMITS_GLOBALPERSECOND=$TG_RATE \
        WHATSAPP_ACCESS_TOKEN=bench-access-token WHATSAPP_PHONE_NUMBER_ID=$PHONE_NUMBER_ID \
        WHATSAPP_APP_SECRET=bench-app-secret WHATSAPP_VERIFY_TOKEN=bench-verify-token \
        WHATSAPP_API_URL=http://127.0.0.1:$FAKE_PORT WHATSAPP_DISPLAY_PHONE_NUMBER=15550001234 \
        WHATSAPP_BUSINESS_ACCOUNT_ID=4444444444 PUNCHCARD_WHATSAPP_TEMPLATESYNC_SCHEDULED=false \
        PUNCHCARD_WHATSAPP_RATELIMITS_PERSECOND=$WA_RATE \
        "$JAVA" ${JAVA_OPTS:-$(grep -v "^#" config/jvm.options)} -jar "$JAR_PATH" >"$2" 2>&1 &
    echo $!
}
wait_ready() { # port
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
        sleep 1
    done
    echo "instance on $1 not ready" >&2; return 1
}

P1=$(start_instance 18190 "$OUT/service-1.log"); PIDS+=($P1)
wait_ready 18190
psql -h 127.0.0.1 -U postgres -d $DB -q -v members=$MEMBERS -v telegram=$TELEGRAM -f bench/broadcasts/seed.sql
SERVICE_PIDS=($P1)
if [[ $INSTANCES == 2 ]]; then
    P2=$(start_instance 18192 "$OUT/service-2.log"); PIDS+=($P2); SERVICE_PIDS+=($P2)
    wait_ready 18192
fi

API=http://127.0.0.1:18190/api/v1
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
TOKEN=$(curl -sf -XPOST "$API/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"bench-admin","password":"bench-admin-password"}' | json 'd["accessToken"]')
call() { # method path [body]
    curl -sf -X"$1" "$API$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
call POST /templates/whatsapp:sync >"$OUT/sync.json"
WA_TEMPLATE=$(call GET '/templates?channel=WHATSAPP' | json '[t["id"] for t in (d if isinstance(d, list) else d.get("templates", d.get("items", []))) if t["name"] == "bench_offer"][0]')
TG_TEMPLATE=$(call POST /templates/telegram '{"name":"Bench offer","texts":{"en":"Hi {{first_name}}, double points this week.","ru":"Привет, {{first_name}}! Двойные баллы всю неделю."},"image":"NONE","buttons":[]}' | json 'd["id"]')
WA_SEGMENT=$(call POST /segments '{"name":"Bench WhatsApp","filter":{"reachableOn":"WHATSAPP"}}' | json 'd["id"]')
TG_SEGMENT=$(call POST /segments '{"name":"Bench Telegram","filter":{"reachableOn":"TELEGRAM"}}' | json 'd["id"]')
WA_BROADCAST=$(call POST /broadcasts "{\"name\":\"Bench WhatsApp\",\"segmentId\":\"$WA_SEGMENT\",\"channelPolicy\":\"WHATSAPP_ONLY\",\"whatsApp\":{\"templateId\":\"$WA_TEMPLATE\",\"bindings\":{\"body.1\":{\"field\":\"first_name\"}}}}" | json 'd["id"]')
TG_BROADCAST=$(call POST /broadcasts "{\"name\":\"Bench Telegram\",\"segmentId\":\"$TG_SEGMENT\",\"channelPolicy\":\"TELEGRAM_ONLY\",\"telegram\":{\"templateId\":\"$TG_TEMPLATE\",\"bindings\":{\"first_name\":{\"field\":\"first_name\"}}}}" | json 'd["id"]')

memory() { # label: heap used after a full GC and RSS of each instance
    for pid in "${SERVICE_PIDS[@]}"; do
        "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
        heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
        echo "$1,$pid,${heap:-0},$rss"
    done >>"$OUT/memory.csv"
}
echo "at,pid,heap_used_after_gc_kb,rss_kb" >"$OUT/memory.csv"
memory before-start

STARTED_MS=$(date +%s%3N)
call POST "/broadcasts/$WA_BROADCAST/start" >/dev/null
call POST "/broadcasts/$TG_BROADCAST/start" >/dev/null
echo "epoch_ms,wa_state,wa_settled,tg_state,tg_settled" >"$OUT/progress.csv"
MARK10=0; MARK100=0
while :; do
    now=$(date +%s%3N)
    (( now - STARTED_MS > TIMEOUT * 1000 )) && { echo "timed out after $TIMEOUT s" | tee "$OUT/timeout.txt"; break; }
    wa=$(call GET "/broadcasts/$WA_BROADCAST" | json 'd["state"] + "," + str(d["progress"]["total"] - d["progress"]["remaining"])')
    tg=$(call GET "/broadcasts/$TG_BROADCAST" | json 'd["state"] + "," + str(d["progress"]["total"] - d["progress"]["remaining"])')
    echo "$now,$wa,$tg" >>"$OUT/progress.csv"
    settled=$(( ${wa#*,} + ${tg#*,} ))
    (( MARK10 == 0 && settled >= 10000 )) && { memory settled-10k; MARK10=1; }
    (( MARK100 == 0 && settled >= 100000 )) && { memory settled-100k; MARK100=1; }
    [[ ${wa%%,*} == COMPLETED && ${tg%%,*} == COMPLETED ]] && break
    sleep 1
done
memory end
curl -sf "http://127.0.0.1:$FAKE_PORT/stats" >"$OUT/fake-stats.json"
call GET "/broadcasts/$WA_BROADCAST" >"$OUT/wa-broadcast.json"
call GET "/broadcasts/$TG_BROADCAST" >"$OUT/tg-broadcast.json"
psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT channel, state, count(*) FROM broadcast_recipients GROUP BY 1, 2 ORDER BY 1, 2" \
    >"$OUT/recipients-by-state.txt"
for pid in "${SERVICE_PIDS[@]}"; do grep VmHWM "/proc/$pid/status"; done >"$OUT/peak-rss.txt"

# steady-state rate per channel from the fake's per-second counts: from the second after the first message to
# the last second in which the count still grew
python3 - "$OUT" "$STARTED_MS" "$WA_RATE" "$TG_RATE" <<'PY' | tee "$OUT/summary.txt"
import csv, json, sys
out, started, wa_rate, tg_rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
rows = [r for r in csv.DictReader(open(f"{out}/fake.csv"))]
stats = json.load(open(f"{out}/fake-stats.json"))
def steady(col, rate):
    pts = [(int(r["epoch_ms"]), int(r[col])) for r in rows]
    moving = [i for i in range(1, len(pts)) if pts[i][1] > pts[i - 1][1]]
    if len(moving) < 3:
        return float("nan"), 0
    a, b = moving[0] + 1, moving[-1] - 1
    if b <= a:
        return float("nan"), 0
    secs = (pts[b][0] - pts[a][0]) / 1000
    achieved = (pts[b][1] - pts[a][1]) / secs
    return achieved / rate, secs
for name, col, refused, first, rate in (("whatsapp", "wa_sent", "wa_refused", "wa_first_ms", wa_rate),
                                        ("telegram", "tg_sent", "tg_refused", "tg_first_ms", tg_rate)):
    ratio, secs = steady(col, rate)
    print(f"{name}: sent {stats[col]}, achieved/allowed {ratio:.3f} over {secs:.0f} s, rate-limit errors "
          f"{stats[refused]}, first message {(stats[first] - started) / 1000 if stats[first] else float('nan'):.2f} s after start")
print(f"recipients messaged {stats['recipients']}, of them more than once {stats['recipients_twice']}; odd requests {stats['odd']}")
PY
cat "$OUT/memory.csv" "$OUT/peak-rss.txt" "$OUT/recipients-by-state.txt"
echo "results in $OUT"
