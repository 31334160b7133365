#!/usr/bin/env bash
# A long fuzz campaign: ApiFuzzIT (every API endpoint and both webhooks, see its Javadoc)
# with many more inputs than CI's 2,000 and a random seed, printed first and last so that a
# failure can be replayed exactly: bench/fuzz/run.sh <same tries> <printed seed>.
# Usage: bench/fuzz/run.sh [tries=50000] [seed=random]
# Four fifths of the inputs go to the API, one fifth to the webhooks. Roughly 40 inputs a second
# on a 2-core machine; the app runs on the embedded PostgreSQL and Redis of the ITs.
# Needs JAVA_HOME pointing at a JDK 21 or newer (the default java on our machines is 17).
set -euo pipefail

cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"

tries="${1:-50000}"
seed="${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}"
echo "fuzz campaign: tries=$tries seed=$seed"

status=0
./mvnw -B -q -pl app -am verify -Dit.test=ApiFuzzIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true \
    -Dpunchcard.fuzz.tries="$tries" -Dpunchcard.fuzz.seed="$seed" || status=$?

grep -ah "ApiFuzzIT .* campaign:" app/target/failsafe-reports/*ApiFuzzIT*.xml 2>/dev/null | sed 's/^.*ApiFuzzIT/ApiFuzzIT/' || true
if [ "$status" -ne 0 ]; then
    echo "fuzz campaign FAILED: tries=$tries seed=$seed; failures in app/target/failsafe-reports/dev.punchcard.app.api.ApiFuzzIT.txt"
    echo "replay: bench/fuzz/run.sh $tries $seed"
else
    echo "fuzz campaign passed: tries=$tries seed=$seed"
fi
exit "$status"
