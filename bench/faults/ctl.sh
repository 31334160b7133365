#!/usr/bin/env bash
# The fault suite's own servers, driven by FaultLoad.java through this script (see run.sh, which exports the
# FAULTS_* settings and creates the PostgreSQL cluster and the Redis first). Never touches the machine's services:
# PostgreSQL and Redis here are processes of our own, in $FAULTS_TMP, on ports of our own.
#   ctl.sh start-instance N | kill-instance N     service instance N (0 or 1) on port FAULTS_PORT_N
#   ctl.sh pg-stop | pg-start                      our PostgreSQL cluster (pg_ctl stop -m fast; start -w)
#   ctl.sh redis-stop | redis-start                our redis-server (SHUTDOWN NOSAVE; start again, empty)
set -euo pipefail
: "${FAULTS_TMP:?run through bench/faults/run.sh}"

as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$1" in
	start-instance)
		n=$2
		port_var="FAULTS_PORT_$n"
		# appended: one log per instance across its restarts
		echo "=== start $(date -u +%H:%M:%S.%N)" >>"$FAULTS_TMP/instance-$n.log"
		SERVER_PORT=${!port_var} setsid "$FAULTS_JAVA" $FAULTS_JAVA_OPTS -jar "$FAULTS_JAR" \
			>>"$FAULTS_TMP/instance-$n.log" 2>&1 </dev/null &
		echo $! >"$FAULTS_TMP/instance-$n.pid"
		;;
	kill-instance)
		n=$2
		kill -9 "$(cat "$FAULTS_TMP/instance-$n.pid")"
		echo "=== killed with kill -9 $(date -u +%H:%M:%S.%N)" >>"$FAULTS_TMP/instance-$n.log"
		;;
	pg-stop)
		as_postgres "$FAULTS_PG_BIN/pg_ctl" -D "$FAULTS_TMP/pg" -m fast -w stop >/dev/null
		;;
	pg-start)
		as_postgres "$FAULTS_PG_BIN/pg_ctl" -D "$FAULTS_TMP/pg" -l "$FAULTS_TMP/pg.log" -w -t 60 start >/dev/null
		;;
	redis-stop)
		redis-cli -h 127.0.0.1 -p "$FAULTS_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
		for _ in $(seq 1 50); do
			redis-cli -h 127.0.0.1 -p "$FAULTS_REDIS_PORT" ping >/dev/null 2>&1 || exit 0
			sleep 0.1
		done
		echo "redis did not stop" >&2; exit 1
		;;
	redis-start)
		redis-server --bind 127.0.0.1 --port "$FAULTS_REDIS_PORT" --save "" --appendonly no --daemonize yes \
			--pidfile "$FAULTS_TMP/redis.pid" --logfile "$FAULTS_TMP/redis.log" --dir "$FAULTS_TMP"
		for _ in $(seq 1 50); do
			redis-cli -h 127.0.0.1 -p "$FAULTS_REDIS_PORT" ping >/dev/null 2>&1 && exit 0
			sleep 0.1
		done
		echo "redis did not start" >&2; exit 1
		;;
	*) echo "unknown command $1" >&2; exit 64 ;;
esac
