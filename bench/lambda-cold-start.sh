#!/usr/bin/env bash
# Cold start under Lambda's Java runtime client. For every function of template.yaml (or those named with -f), each run
# in a fresh JVM under com.amazonaws:aws-lambda-java-runtime-interface-client with the managed runtime's JVM options,
# fed by the project's Runtime API emulator, against DynamoDB Local, the Axerve simulator, an EventBridge stand-in and
# ElasticMQ, each invocation on fresh state prepared outside the timed span (a new payment to capture, a due charge...):
#   - JVM launch to first response, on-demand (unprimed), beside a minimal handler doing the same DynamoDB, SOAP,
#     EventBridge and SQS calls by hand from the same jar's libraries (ratio: target <= 1.2x);
#   - the first invocation after SnapStart's INIT (checkpoint hooks = priming, then restore) beside the median of 5
#     warm invocations of the same environment, each doing the same work as the first (ratio: target <= 1.2x).
# Runs are interleaved (function, reference, SnapStart; the order of the first two flips every run); the first run is
# discarded; medians. Prints a Markdown table. All 16 functions with the default 5 runs take about 17 minutes on 2
# cores under a load of about 3 (-n 1: 6 minutes). --trace-io times nothing: it runs each function and its reference
# once and lists both sides' remote calls.
#
# usage: bench/lambda-cold-start.sh [-n N] [-f FunctionLogicalId]... [--trace-io] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/java25.sh   # the deployed runtime's Java major

runs=5
build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -f) args+=(-f "${2:?-f needs a function logical id}"); shift 2 ;;
    --trace-io) args+=(--trace-io); shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "-n must be a positive integer" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || { echo "-n must be 1..50" >&2; exit 2; }

# the driver (test classes of infra/lambda-rehearsal) on the local stack's class path: the runtime client module, the
# template reader, DynamoDB Local, the simulator, the SDK
classpath="infra/lambda-rehearsal/target/test-classes:infra/local/target/local-stack.jar:infra/local/target/lib/*"
if [ "$build" -eq 1 ]; then
  # the functions' jars, the local stack's lib/ and the driver; nothing is installed into ~/.m2
  echo "building the functions and the benchmark driver (mvn -q -B -ntp -DskipTests -pl infra/lambda-rehearsal -am package)..." >&2
  mvn -q -B -ntp -DskipTests -pl infra/lambda-rehearsal -am package
fi
[ -f infra/lambda-rehearsal/target/test-classes/com/axpay/rehearsal/bench/ColdStartBench.class ] \
  && [ -f infra/local/target/local-stack.jar ] || { echo "not built yet: run without --no-build" >&2; exit 1; }

# the driver starts the functions' JVMs itself (on this JDK 25) and stops every one it started
exec java -cp "$classpath" com.axpay.rehearsal.bench.ColdStartBench -n "$runs" ${args[@]+"${args[@]}"}
