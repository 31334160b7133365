#!/usr/bin/env bash
# Benchmarks QR decoding: plain ZXing against the bot's QrPhotoDecoder, on the ZXing
# black-box corpus (0/90/180/270 degrees) and on generated distorted photos.
# Usage: bench/qr/run.sh [photos=200] [seed=20251122]
# Corpus: bot/src/test/resources/zxing-blackbox (bundled), or set
# BENCH_JAVA_OPTS=-Dpunchcard.zxing.corpus=/path/to/zxing-blackbox.
# Needs JAVA_HOME pointing at a JDK 21 or newer (the default java on our machines is 17).
set -euo pipefail

cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"

# one reactor run, so bot's classpath points at core's freshly built classes
./mvnw -B -q -pl core,bot -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} \
    -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench-classpath.txt)" \
    dev.punchcard.bot.scan.QrDecodeBench "$@"
