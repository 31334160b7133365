#!/usr/bin/env bash
# WhatsApp webhook-path benchmark (issue 8, part 6): signed `points` messages from many distinct wa_ids POSTed to
# /webhooks/whatsapp as Meta-shaped batches of one, replies going to a fake Graph API on loopback (inside
# WhatsAppLoad.java), latency from the POST to the outgoing /messages send; in the same run and at the same rates,
# the Telegram webhook path (/profile, as bench/telegram/run.sh) and the baseline GET /actuator/health/liveness.
# The sending limits of both channels are lifted for the run (WhatsApp's 80/s per number and ~1 per 6 s per
# recipient, Telegram's ~30/s and ~1/s per chat): this measures our path, not Meta's or Telegram's.
# Uses this machine's PostgreSQL (fresh database punchcard_wabench) and Redis (index 7). Loopback only; bounded.
#   bench/whatsapp/run.sh [--no-build] [--rates 250,500,1000] [--seconds 15] [--users 2000] [--warmup 30]
#                         [--paths baseline,telegram,whatsapp]
# JAR=path runs another build of the service, SERVICE_DIR=dir runs it in dir (a ./config/application.yml there
# overrides the packaged one), JAVA_OPTS= adds JVM options (e.g. -XX:StartFlightRecording=...).
# The warm-up (webhook messages at the first rate, not counted: --warmup seconds of Telegram, then as many of
# WhatsApp) lets the JIT compile both paths first.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)}
JAVA="$JAVA_HOME/bin/java"
BUILD=1
RATES=250,500,1000
SECONDS_PER_PHASE=15
USERS=2000
WARMUP=30
PATHS=baseline,telegram,whatsapp
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --rates) RATES=$2; shift ;;
        --seconds) SECONDS_PER_PHASE=$2; shift ;;
        --users) USERS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --paths) PATHS=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

OUT="bench/whatsapp/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
[[ $BUILD == 1 ]] && ./mvnw -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS punchcard_wabench WITH (FORCE)" -c "CREATE DATABASE punchcard_wabench"
redis-cli -n 7 flushdb >/dev/null
redis-cli info commandstats >"$OUT/redis-commandstats-before.txt" 2>&1 || true

PHONE_NUMBER_ID=1234567890
"$JAVA" -Dsun.net.httpserver.nodelay=true bench/whatsapp/WhatsAppLoad.java --service http://127.0.0.1:18090 \
    --fake-port 18091 --telegram-secret bench-secret --app-secret bench-app-secret --access-token bench-access-token \
    --phone-number-id $PHONE_NUMBER_ID --users "$USERS" --rates "$RATES" --seconds "$SECONDS_PER_PHASE" \
    --warmup "$WARMUP" --paths "$PATHS" >"$OUT/load.csv" 2>"$OUT/load.err" &
LOAD_PID=$!
sleep 2

# the service runs in SERVICE_DIR (default: here), whose ./config/application.yml overrides the packaged one
JAR_PATH=$(realpath "${JAR:-app/target/punchcard.jar}")
OUT=$(realpath "$OUT")
cd "${SERVICE_DIR:-.}"
env SERVER_PORT=18090 \
    SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/punchcard_wabench SPRING_R2DBC_USERNAME=postgres \
    SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:5432/punchcard_wabench SPRING_FLYWAY_USER=postgres \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/7 \
    PUNCHCARD_JWT_SECRET=bench-jwt-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A=bench-code-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_ADMIN_USERNAME=bench-admin PUNCHCARD_ADMIN_PASSWORD=bench-admin-password \
    TELEGRAM_BOT_TOKEN=123456:BENCH-token TELEGRAM_MODE=webhook TELEGRAM_WEBHOOK_SECRET=bench-secret \
    TELEGRAM_API_URL=http://127.0.0.1:18091 TELEGRAM_BOT_USERNAME=bench_bot \
    PUNCHCARD_TELEGRAM_RATELIMITS_GLOBALPERSECOND=100000 PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATPERSECOND=1000 \
    PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATBURST=100 \
    WHATSAPP_ACCESS_TOKEN=bench-access-token WHATSAPP_PHONE_NUMBER_ID=$PHONE_NUMBER_ID \
    WHATSAPP_APP_SECRET=bench-app-secret WHATSAPP_VERIFY_TOKEN=bench-verify-token \
    WHATSAPP_API_URL=http://127.0.0.1:18091 WHATSAPP_DISPLAY_PHONE_NUMBER=15550001234 \
    PUNCHCARD_WHATSAPP_RATELIMITS_PERSECOND=100000 PUNCHCARD_WHATSAPP_RATELIMITS_PERRECIPIENTINTERVAL=1ms \
    PUNCHCARD_WHATSAPP_RATELIMITS_PERRECIPIENTBURST=100 \
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR_PATH" >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID $LOAD_PID 2>/dev/null || true' EXIT

# CPU of each party, once a second: epoch ms, then ticks (1/100 s) of the service, the load client (with its fake
# APIs) and all PostgreSQL processes together, then the Redis server's commands so far (all clients: the machine's
# Redis is shared, so an upper bound); summed per phase below
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
redis_commands() { redis-cli info stats 2>/dev/null | awk -F: '/^total_commands_processed/ { printf "%d", $2 }'; }
(
    while kill -0 $SERVICE_PID 2>/dev/null; do
        pg=0
        for p in $(pgrep -x postgres); do pg=$((pg + $(ticks "$p"))); done
        echo "$(date +%s%3N),$(ticks $SERVICE_PID),$(ticks $LOAD_PID),$pg,$(redis_commands)"
        sleep 1
    done
) >"$OUT/cpu.csv" &

wait $LOAD_PID || { echo "load client failed: $(tail -5 "$OUT/load.err")"; exit 1; }
grep VmHWM "/proc/$SERVICE_PID/status" | tee "$OUT/rss.txt" || true
redis-cli info commandstats >"$OUT/redis-commandstats-after.txt" 2>&1 || true
kill -TERM $SERVICE_PID
wait $SERVICE_PID || true
echo "results in $OUT"
column -s, -t <"$OUT/load.csv" | grep -v '^fake\|^registered' || cat "$OUT/load.csv"

# each webhook path against the baseline of the same rate in the same run: p50 and p99 as multiples of the
# baseline's, and the achieved rate as a share of it
echo
awk -F, '$1 !~ /^#/ && NF >= 14 && $1 !~ /^warmup/ {
        if ($1 == "baseline") { b50[$2] = $6; b99[$2] = $8; bach[$2] = $5; next }
        if (!($2 in b99) || b99[$2] == 0 || b50[$2] == 0 || bach[$2] == 0) next
        printf "%s,%s,%.2f,%.1f,%.1f\n", $1, $2, $5 / bach[$2], $6 / b50[$2], $8 / b99[$2]
    }' "$OUT/load.csv" | (echo "path,rate,achieved_vs_baseline,p50_x_baseline,p99_x_baseline"; cat) \
    | tee "$OUT/ratios.csv" | column -s, -t

# CPU per phase: cores used by each party, and the service's and PostgreSQL's CPU milliseconds per completed request
echo
awk -F, 'NR == FNR { t[NR] = $1; svc[NR] = $2; load[NR] = $3; pg[NR] = $4; rd[NR] = $5; n = NR; next }
    $1 !~ /^#/ && NF >= 12 {
        a = 0; b = 0
        for (i = 1; i <= n; i++) { if (!a && t[i] >= $11) a = i; if (t[i] <= $12) b = i }
        if (!a || b <= a) next
        secs = (t[b] - t[a]) / 1000; done = $4 * (t[b] - t[a]) / ($12 - $11)
        if (done == 0) next
        printf "%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f\n", $1, $2, (svc[b] - svc[a]) / 100 / secs, (load[b] - load[a]) / 100 / secs,
            (pg[b] - pg[a]) / 100 / secs, (svc[b] - svc[a]) * 10 / done, (pg[b] - pg[a]) * 10 / done, (rd[b] - rd[a]) / done
    }' "$OUT/cpu.csv" "$OUT/load.csv" \
    | (echo "phase,rate,service_cores,load_client_cores,postgres_cores,service_cpu_ms_per_req,postgres_cpu_ms_per_req,redis_cmds_per_req"; cat) \
    | tee "$OUT/cpu-per-phase.csv" | column -s, -t
