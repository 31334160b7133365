#!/usr/bin/env bash
# The service's CPU per request for requests of growing weight, to see what the HTTP stack costs before any
# domain work: a 404 with no route, a 401 (security only), the liveness probe, GET /api/v1/stores (bearer
# token + one query), GET /api/v1/cards/{code} (token, card signature, one query). Each is sent by wrk at 32
# connections for a warm-up and then a measured window; the service's CPU (utime+stime from /proc) over the
# window divided by the requests answered is its cost per request.
#
#   bench/purchases/request_costs.sh [--only liveness,card] [--seconds 15]
#
# Needs wrk (apt-get install wrk), the built jar (bin/punchcard with PUNCHCARD_BUILD=never), PostgreSQL and
# Redis on this machine (database $COSTS_DB is dropped and created; Redis db 6 is flushed). JAVA_OPTS go to
# the service (e.g. a JFR recording). Results go to stdout; see BENCHMARKS.md for how they were used.
set -euo pipefail

cd "$(dirname "$0")/../.."
ONLY=""
SECONDS_MEASURED=15
while [[ $# -gt 0 ]]; do
	case "$1" in
		--only) ONLY="$2"; shift 2 ;;
		--seconds) SECONDS_MEASURED="$2"; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
export JAVA_HOME="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
PGHOST="${PGHOST:-127.0.0.1}"
COSTS_DB="${COSTS_DB:-punchcard_costs}"
PORT="${PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
rand() { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }

psql -h "$PGHOST" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $COSTS_DB WITH (FORCE)" \
	-c "CREATE DATABASE $COSTS_DB"
redis-cli -h 127.0.0.1 -n 6 flushdb > /dev/null
ADMIN_PASSWORD="Costs-$(rand 20)"
export SERVER_PORT="$PORT" SPRING_R2DBC_URL="r2dbc:postgresql://$PGHOST:5432/$COSTS_DB" SPRING_R2DBC_USERNAME=postgres \
	SPRING_FLYWAY_URL="jdbc:postgresql://$PGHOST:5432/$COSTS_DB" SPRING_FLYWAY_USER=postgres \
	SPRING_DATA_REDIS_URL="redis://127.0.0.1:6379/6" PUNCHCARD_ADMIN_USERNAME=admin \
	PUNCHCARD_ADMIN_PASSWORD="$ADMIN_PASSWORD" PUNCHCARD_JWT_SECRET="$(rand 48)" PUNCHCARD_CODES_ACTIVE_KEY=A \
	PUNCHCARD_CODES_KEYS_A="$(rand 48)"
LOG="$(mktemp)"
PUNCHCARD_BUILD=never bin/punchcard > "$LOG" 2>&1 &
LAUNCHER=$!
trap 'kill "$LAUNCHER" 2>/dev/null || true; wait "$LAUNCHER" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
	curl -fs -o /dev/null "$BASE/actuator/health/liveness" && break
	kill -0 "$LAUNCHER" 2>/dev/null || { echo "the service did not start:" >&2; tail -30 "$LOG" >&2; exit 1; }
	sleep 0.3
done
JAVA_PID="$(pgrep -P "$LAUNCHER" java || echo "$LAUNCHER")"
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
TOKEN="$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
	"$BASE/api/v1/auth/token" | json '["accessToken"]')"
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"code":"S1","name":"Store one"}' "$BASE/api/v1/stores"
CODE="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"Ann"}' \
	"$BASE/api/v1/customers" | json '["cardCode"]')"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$JAVA_PID/stat"; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"
measure() {
	local name="$1"; shift
	[[ -z "$ONLY" || ",$ONLY," == *",$name,"* ]] || return 0
	wrk -t2 -c32 -d8s "$@" > /dev/null 2>&1
	local before after out requests rate
	before="$(cpu_ticks)"
	out="$(wrk -t2 -c32 -d"${SECONDS_MEASURED}s" "$@" 2>&1)"
	after="$(cpu_ticks)"
	requests="$(awk '/requests in/ {print $1}' <<< "$out")"
	rate="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
	python3 -c "print(f'$name: $rate req/s, service CPU per request {($after - $before) / $TICKS_PER_SECOND * 1000 / $requests:.3f} ms')"
}
measure no-route "$BASE/no-such-page"
measure unauthorized "$BASE/api/v1/stores"
measure liveness "$BASE/actuator/health/liveness"
measure stores -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/stores"
measure card -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/cards/$CODE"
