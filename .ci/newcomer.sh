#!/usr/bin/env bash
# The README's two commands, word for word, as a newcomer runs them: in a fresh clone of this commit in
# an empty temporary folder (so nothing like ../shared lies beside it), with a JDK >= 21 at JAVA_HOME
# and whatever java the machine has first on PATH (17 on ours).
#   1. with no JDK >= 21 anywhere, the run command must say so in one line, without a stack trace;
#   2. the test command must pass;
#   3. the run command must start the service on embedded defaults until /actuator/health is UP,
#      and stop cleanly on SIGTERM.
# The commands are read from the README's "Two commands" block, so the two cannot drift apart.
# Needs JAVA_HOME pointing at a JDK >= 21 (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

STARTUP_TIMEOUT_SECONDS=300
SHUTDOWN_TIMEOUT_SECONDS=60

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf 'NEWCOMER CHECK FAILED: %s\n' "$*" >&2
    if [[ -n "${APP_LOG:-}" && -f "$APP_LOG" ]]; then
        printf -- '--- last 80 lines of the application log ---\n' >&2
        tail -n 80 "$APP_LOG" >&2
    fi
    exit 1
}

[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
    || fail "JAVA_HOME must point at a JDK >= 21 (run through .ci/run, which finds one)"

# the command on the line after the given comment in the README's "Two commands" block
readme_command() {
    awk -v marker="$1" '
        /^## Two commands/ { block = 1; next }
        block && /^## / { exit }
        block && index($0, marker) == 1 { getline; print; exit }
    ' README.md
}
RUN_COMMAND=$(readme_command '# run the whole service')
TEST_COMMAND=$(readme_command '# run every test')
[[ -n "$RUN_COMMAND" ]] || fail "no run command found in README.md's \"Two commands\" block"
[[ -n "$TEST_COMMAND" ]] || fail "no test command found in README.md's \"Two commands\" block"
echo "run command:  $RUN_COMMAND"
echo "test command: $TEST_COMMAND"

WORK_DIR=$(mktemp -d -t punchcard-newcomer.XXXXXX)
CLONE="$WORK_DIR/punchcard"
APP_LOG="$WORK_DIR/app.log"
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        echo "Killing the application (PID $APP_PID) left running"
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT

COMMIT=$(git rev-parse HEAD)
step "Cloning $COMMIT into $CLONE"
git clone -q --no-local "$PWD" "$CLONE"
git -C "$CLONE" checkout -q --detach "$COMMIT"
[[ "$(ls -A "$WORK_DIR")" == punchcard ]] || fail "the clone is not alone in $WORK_DIR"
if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "Note: the work tree here has uncommitted changes; the clone checks the commit only"
fi

cd "$CLONE"
NEWCOMER_JAVA_HOME=$JAVA_HOME
# the machine's own java first on PATH, as a newcomer has it: drop the JDK that .ci/run put in front
PATH=$(tr ':' '\n' <<<"$PATH" | grep -vxF "$JAVA_HOME/bin" | paste -sd: -)
export PATH
# Maven's batch mode through its environment, so that the commands themselves stay word for word
export MAVEN_ARGS="-B"

step "1. The run command with no JDK >= 21: JAVA_HOME unset, PATH's java is $(command -v java || echo none)"
if command -v java >/dev/null && [[ "$("$(command -v java)" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ { print $2 }')" =~ ^(1\..*|1[0-9]|20)$ ]]; then
    set +e
    old_java_output=$(env -u JAVA_HOME bash -c "$RUN_COMMAND" 2>&1 </dev/null)
    old_java_status=$?
    set -e
    printf '%s\n' "$old_java_output"
    ((old_java_status != 0)) || fail "the run command exited 0 on an old Java"
    [[ "$(printf '%s\n' "$old_java_output" | wc -l)" -eq 1 ]] || fail "expected one line, got the output above"
    grep -qE 'Exception|^\s+at ' <<<"$old_java_output" && fail "a stack trace instead of one line"
    grep -q 'Java 21' <<<"$old_java_output" || fail "the line does not say which Java is needed"
else
    echo "Skipped: the java on PATH is not older than 21 here, so there is no old Java to refuse"
fi

step "2. The test command in the clone: $TEST_COMMAND (JAVA_HOME=$NEWCOMER_JAVA_HOME, PATH's java first)"
export JAVA_HOME=$NEWCOMER_JAVA_HOME
bash -c "$TEST_COMMAND" </dev/null

step "3. The run command in the clone until /actuator/health is UP: $RUN_COMMAND"
# any free port (read back from the log), so that a service left on 8080 cannot answer for this one
export SERVER_PORT=0
BASE_URL=""
started_at=$(date +%s)
# exec, so that the PID is the shell that becomes the launcher, which execs java
bash -c "exec $RUN_COMMAND" >"$APP_LOG" 2>&1 </dev/null &
APP_PID=$!
while true; do
    kill -0 "$APP_PID" 2>/dev/null || fail "the run command exited during start-up"
    (($(date +%s) - started_at < STARTUP_TIMEOUT_SECONDS)) || fail "not UP within ${STARTUP_TIMEOUT_SECONDS} s"
    if [[ -z "$BASE_URL" ]]; then
        port=$(sed -n 's/.*Netty started on port \([0-9]*\).*/\1/p' "$APP_LOG" | head -n 1)
        [[ -n "$port" ]] && BASE_URL="http://127.0.0.1:$port"
    fi
    [[ -n "$BASE_URL" ]] || { sleep 1; continue; }
    status=$(curl -fsS --max-time 5 "$BASE_URL/actuator/health" 2>/dev/null \
        | sed -n 's/^{"status":"\([A-Z_]*\)".*/\1/p' || true)
    [[ "$status" == UP ]] && break
    sleep 1
done
echo "UP at $BASE_URL $(($(date +%s) - started_at)) s after the run command (build included)"
grep -qE 'Started embedded PostgreSQL' "$APP_LOG" || fail "the embedded PostgreSQL did not start"
grep -qE 'Started embedded Redis' "$APP_LOG" || fail "the embedded Redis did not start"
[[ -d data/postgres ]] || fail "no ./data/postgres in the clone: data is not kept where the README says"

kill -TERM "$APP_PID"
stop_started=$(date +%s)
while kill -0 "$APP_PID" 2>/dev/null; do
    (($(date +%s) - stop_started < SHUTDOWN_TIMEOUT_SECONDS)) || fail "still running ${SHUTDOWN_TIMEOUT_SECONDS} s after SIGTERM"
    sleep 1
done
status=0
wait "$APP_PID" || status=$?
APP_PID=""
[[ "$status" == 0 || "$status" == 143 ]] || fail "the run command ended with status $status after SIGTERM"
grep -q 'Graceful shutdown complete' "$APP_LOG" || fail "no graceful shutdown in the log"
echo "Stopped cleanly (status $status)"

step "Newcomer check passed"
