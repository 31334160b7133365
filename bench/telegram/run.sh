#!/usr/bin/env bash
# Webhook-path benchmark (issue 3): /profile updates from many users POSTed to /webhooks/telegram, replies going
# to a fake Bot API on loopback (inside WebhookLoad.java), latency from the POST to the outgoing sendMessage; in the
# same run, a baseline of the same open-loop rates against GET /actuator/health/liveness of the same service.
# Telegram's own send limits (~30/s overall, ~1/s per chat) are lifted for the run: this measures our path, not theirs.
# Uses this machine's PostgreSQL (fresh database punchcard_tgbench) and Redis (index 6). Loopback only; bounded.
#   bench/telegram/run.sh [--no-build] [--rates 250,500,1000,1500] [--seconds 15] [--users 2000] [--warmup 60]
# JAR=path runs another build of the service (e.g. a before/after comparison), SERVICE_DIR=dir runs it in dir
# (a ./config/application.yml there overrides the packaged one: give an older build its own).
# The warm-up phase (webhook updates at the first rate, not counted) lets the JIT compile the path first.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV | head -n 1)}
JAVA="$JAVA_HOME/bin/java"
BUILD=1
RATES=250,500,1000,1500
SECONDS_PER_PHASE=15
USERS=2000
WARMUP=60
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --rates) RATES=$2; shift ;;
        --seconds) SECONDS_PER_PHASE=$2; shift ;;
        --users) USERS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

OUT="bench/telegram/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
[[ $BUILD == 1 ]] && ./mvnw -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS punchcard_tgbench WITH (FORCE)" -c "CREATE DATABASE punchcard_tgbench"
redis-cli -n 6 flushdb >/dev/null

"$JAVA" -Dsun.net.httpserver.nodelay=true bench/telegram/WebhookLoad.java --service http://127.0.0.1:18080 --fake-port 18081 --secret bench-secret \
    --users "$USERS" --rates "$RATES" --seconds "$SECONDS_PER_PHASE" --warmup "$WARMUP" >"$OUT/load.csv" 2>"$OUT/load.err" &
LOAD_PID=$!
sleep 2

# the service runs in SERVICE_DIR (default: here), whose ./config/application.yml overrides the packaged one
JAR_PATH=$(realpath "${JAR:-app/target/punchcard.jar}")
OUT=$(realpath "$OUT")
cd "${SERVICE_DIR:-.}"
env SERVER_PORT=18080 \
    SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/punchcard_tgbench SPRING_R2DBC_USERNAME=postgres \
    SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:5432/punchcard_tgbench SPRING_FLYWAY_USER=postgres \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/6 \
    PUNCHCARD_JWT_SECRET=bench-jwt-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_CODES_ACTIVE_KEY=A PUNCHCARD_CODES_KEYS_A=bench-code-secret-0123456789-abcdefghijklmnop \
    PUNCHCARD_ADMIN_USERNAME=bench-admin PUNCHCARD_ADMIN_PASSWORD=bench-admin-password \
    TELEGRAM_BOT_TOKEN=123456:BENCH-token TELEGRAM_MODE=webhook TELEGRAM_WEBHOOK_SECRET=bench-secret \
    TELEGRAM_API_URL=http://127.0.0.1:18081 TELEGRAM_BOT_USERNAME=bench_bot \
    PUNCHCARD_TELEGRAM_RATELIMITS_GLOBALPERSECOND=100000 PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATPERSECOND=1000 \
    PUNCHCARD_TELEGRAM_RATELIMITS_PERCHATBURST=100 \
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR_PATH" >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID $LOAD_PID 2>/dev/null || true' EXIT

# CPU of each party, once a second: epoch ms, then ticks (1/100 s) of the service, the load client (with its fake
# Bot API) and all PostgreSQL processes together; summed per phase below
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
(
    while kill -0 $SERVICE_PID 2>/dev/null; do
        pg=0
        for p in $(pgrep -x postgres); do pg=$((pg + $(ticks "$p"))); done
        echo "$(date +%s%3N),$(ticks $SERVICE_PID),$(ticks $LOAD_PID),$pg"
        sleep 1
    done
) >"$OUT/cpu.csv" &

wait $LOAD_PID || { echo "load client failed: $(tail -5 "$OUT/load.err")"; exit 1; }
grep VmHWM "/proc/$SERVICE_PID/status" | tee "$OUT/rss.txt" || true
kill -TERM $SERVICE_PID
wait $SERVICE_PID || true
echo "results in $OUT"
column -s, -t <"$OUT/load.csv" | grep -v '^fake\|^registered' || cat "$OUT/load.csv"

# CPU per phase: cores used by each party, and the service's and PostgreSQL's CPU milliseconds per completed request
echo
awk -F, 'NR == FNR { t[NR] = $1; svc[NR] = $2; load[NR] = $3; pg[NR] = $4; n = NR; next }
    $1 !~ /^#/ && NF >= 12 {
        a = 0; b = 0
        for (i = 1; i <= n; i++) { if (!a && t[i] >= $11) a = i; if (t[i] <= $12) b = i }
        if (!a || b <= a) next
        secs = (t[b] - t[a]) / 1000; done = $4 * (t[b] - t[a]) / ($12 - $11)
        printf "%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f\n", $1, $2, (svc[b] - svc[a]) / 100 / secs, (load[b] - load[a]) / 100 / secs,
            (pg[b] - pg[a]) / 100 / secs, (svc[b] - svc[a]) * 10 / done, (pg[b] - pg[a]) * 10 / done
    }' "$OUT/cpu.csv" "$OUT/load.csv" | (echo "phase,rate,service_cores,load_client_cores,postgres_cores,service_cpu_ms_per_req,postgres_cpu_ms_per_req"; cat) \
    | tee "$OUT/cpu-per-phase.csv" | column -s, -t
