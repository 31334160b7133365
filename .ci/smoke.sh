#!/usr/bin/env bash
# Smoke test of the executable jar: builds and starts it with bin/punchcard on embedded defaults with a fresh
# data directory and a known admin, waits until /actuator/health is UP, exercises the API,
# then stops it with SIGTERM and checks that it shut down cleanly.
# Needs JAVA_HOME pointing at a JDK >= 21 (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

STARTUP_TIMEOUT_SECONDS=300
SHUTDOWN_TIMEOUT_SECONDS=60

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf 'SMOKE FAILED: %s\n' "$*" >&2
    if [[ -n "${APP_LOG:-}" && -f "$APP_LOG" ]]; then
        printf -- '--- last 80 lines of the application log ---\n' >&2
        tail -n 80 "$APP_LOG" >&2
    fi
    exit 1
}

[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
    || fail "JAVA_HOME must point at a JDK >= 21 (run through .ci/run, which finds one)"
JAVA="$JAVA_HOME/bin/java"

WORK_DIR=$(mktemp -d -t punchcard-smoke.XXXXXX)
DATA_DIR="$WORK_DIR/data"
APP_LOG="$WORK_DIR/app.log"
APP_PID=""
BASE_URL=""

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        echo "Killing the application (PID $APP_PID) left running"
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT

health_status() {
    curl -fsS --max-time 5 "$BASE_URL/actuator/health" 2>/dev/null \
        | sed -n 's/^{"status":"\([A-Z_]*\)".*/\1/p'
}

json_field() { # json_field NAME < body: the first string or number value of "NAME"
    sed -n 's/.*"'"$1"'":"\{0,1\}\([^",}]*\).*/\1/p' | head -n 1
}

api() { # api METHOD PATH TOKEN BODY -> prints "STATUS BODY"
    local out
    out=$(curl -sS --max-time 10 -o - -w '\n%{http_code}' -X "$1" "$BASE_URL$2" \
        -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} ${4:+--data "$4"})
    printf '%s %s\n' "$(tail -n 1 <<<"$out")" "$(sed '$d' <<<"$out")"
}

expect() { # expect STATUS "STATUS BODY"
    [[ "${2%% *}" == "$1" ]] || fail "expected HTTP $1, got: $2"
    printf '%s\n' "${2#* }"
}

record_purchase_through_api() {
    step "Recording a purchase through the API"
    local admin cashier body card customer
    admin=$(expect 200 "$(api POST /api/v1/auth/token "" \
        "{\"username\":\"$PUNCHCARD_ADMIN_USERNAME\",\"password\":\"$PUNCHCARD_ADMIN_PASSWORD\"}")" | json_field accessToken)
    expect 201 "$(api POST /api/v1/stores "$admin" '{"code":"SMOKE","name":"Smoke store"}')" >/dev/null
    expect 201 "$(api POST /api/v1/staff "$admin" \
        '{"username":"smoke-cashier","password":"smoke-cashier-password","role":"CASHIER","storeCode":"SMOKE"}')" >/dev/null
    cashier=$(expect 200 "$(api POST /api/v1/auth/token "" \
        '{"username":"smoke-cashier","password":"smoke-cashier-password"}')" | json_field accessToken)
    body=$(expect 201 "$(api POST /api/v1/customers "$cashier" '{"name":"Smoke Shopper"}')")
    card=$(json_field cardCode <<<"$body")
    customer=$(json_field customerId <<<"$body")
    body=$(expect 201 "$(api POST /api/v1/purchases "$cashier" \
        "{\"cardCode\":\"$card\",\"storeCode\":\"SMOKE\",\"receiptNo\":\"SMOKE-1\",\"amountMinor\":1999,\"currency\":\"EUR\"}")")
    [[ "$(json_field pointsEarned <<<"$body")" == 19 ]] || fail "expected 19 points, got: $body"
    expect 200 "$(api POST /api/v1/purchases "$cashier" \
        "{\"cardCode\":\"$card\",\"storeCode\":\"SMOKE\",\"receiptNo\":\"SMOKE-1\",\"amountMinor\":1999,\"currency\":\"EUR\"}")" >/dev/null
    body=$(expect 200 "$(api GET "/api/v1/customers/$customer" "$cashier")")
    [[ "$(json_field balance <<<"$body")" == 19 ]] || fail "expected a balance of 19 after a replay, got: $body"
    expect 401 "$(api GET "/api/v1/customers/$customer" "")" >/dev/null
    echo "Recorded 19.99 EUR for customer $customer: 19 points, replay credited nothing"
}

step "Building and starting the jar with bin/punchcard on embedded defaults with data in $DATA_DIR (log: $APP_LOG)"
export PUNCHCARD_EMBEDDED_DATA_DIR="$DATA_DIR"
export SERVER_PORT=0
export PUNCHCARD_ADMIN_USERNAME=smoke-admin
PUNCHCARD_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
export PUNCHCARD_ADMIN_PASSWORD
started_at=$(date +%s)
# the launcher builds the jar and execs java with the README's flags: the PID is the JVM's
bin/punchcard >"$APP_LOG" 2>&1 </dev/null &
APP_PID=$!

JAR=app/target/punchcard.jar
JAR_LIMIT_BYTES=$((100 * 1024 * 1024))
step "Waiting up to ${STARTUP_TIMEOUT_SECONDS} s for /actuator/health to be UP"
while true; do
    kill -0 "$APP_PID" 2>/dev/null || fail "the application exited during start-up"
    elapsed=$(($(date +%s) - started_at))
    ((elapsed < STARTUP_TIMEOUT_SECONDS)) || fail "not UP within ${STARTUP_TIMEOUT_SECONDS} s"
    if [[ -z "$BASE_URL" ]]; then
        port=$(sed -n 's/.*Netty started on port \([0-9]*\).*/\1/p' "$APP_LOG" | head -n 1)
        [[ -n "$port" ]] && BASE_URL="http://127.0.0.1:$port"
    fi
    if [[ -n "$BASE_URL" && "$(health_status)" == "UP" ]]; then
        break
    fi
    sleep 1
done
jar_bytes=$(stat -c %s "$JAR")
((jar_bytes < JAR_LIMIT_BYTES)) || fail "$JAR is $((jar_bytes / 1048576)) MiB; it must stay under 100 MiB (only Linux x86-64 binaries of embedded PostgreSQL belong in it)"
echo "$JAR is $((jar_bytes / 1048576)) MiB"
echo "UP at $BASE_URL after $(($(date +%s) - started_at)) s"
grep -E 'Started embedded (PostgreSQL|Redis)' "$APP_LOG" || fail "the embedded servers did not start"

record_purchase_through_api

step "Stopping the application with SIGTERM"
kill -TERM "$APP_PID"
stop_started=$(date +%s)
while kill -0 "$APP_PID" 2>/dev/null; do
    (($(date +%s) - stop_started < SHUTDOWN_TIMEOUT_SECONDS)) || fail "still running ${SHUTDOWN_TIMEOUT_SECONDS} s after SIGTERM"
    sleep 1
done
status=0
wait "$APP_PID" || status=$?
APP_PID=""
echo "Exited with status $status after $(($(date +%s) - stop_started)) s"
# a JVM ends with 128 + 15 after running its shutdown hooks on SIGTERM
[[ "$status" == 0 || "$status" == 143 ]] || fail "exit status $status"
grep -q 'Graceful shutdown complete' "$APP_LOG" || fail "no graceful shutdown in the log"
grep -q 'Stopped embedded PostgreSQL' "$APP_LOG" || fail "the embedded PostgreSQL was not stopped"
grep -q 'Stopped embedded Redis' "$APP_LOG" || fail "the embedded Redis was not stopped"
[[ ! -e "$DATA_DIR/postgres/postmaster.pid" ]] || fail "PostgreSQL left its postmaster.pid behind"
[[ ! -e "$DATA_DIR/redis/redis.pid" ]] || fail "Redis left its redis.pid behind"
shutdown_errors=$(sed -n '/Commencing graceful shutdown/,$p' "$APP_LOG" | grep -E '^[0-9T:.+-]+Z? +ERROR ' || true)
[[ -z "$shutdown_errors" ]] || fail "errors during shutdown: $shutdown_errors"

step "Smoke test passed"
