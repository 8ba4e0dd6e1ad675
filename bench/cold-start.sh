#!/usr/bin/env bash
# Cold-start benchmark of the Axerve SOAP module (issue 2, "Tests and measures").
# Reports the median of N runs (one more warm-up run is discarded) of
#   (a) a bare JVM start (trivial main) and
#   (b) JVM start to the first completed Encrypt against the Axerve simulator,
# both with Lambda's default JVM flags, plus (c) the size of the shaded jar a function carries for axerve-soap.
# Times run from just before `java` is launched (-Dt0=<epoch ms>) to the moment the main reports.
#
# usage: bench/cold-start.sh [-n N] [--no-build] [--repo DIR]
#   --repo DIR: install the modules into the Maven repository DIR (e.g. a private copy of ~/.m2/repository)
#               instead of the default one, so a shared repository's SNAPSHOTs are left alone
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/java25.sh   # the deployed runtime's Java major

runs=7
build=1
repo=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --repo) repo=("-Dmaven.repo.local=${2:?--repo needs a directory}"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "-n must be a positive integer" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] && [ "$runs" -le 100 ] || { echo "-n must be 1..100" >&2; exit 2; }

lambda_flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
bench_jar=bench/target/axerve-soap-bench.jar
sim_jar=infra/axerve-simulator/target/axerve-simulator.jar

if [ "$build" -eq 1 ]; then
  echo "building axerve-soap, the simulator and the shaded benchmark jar..." >&2
  mvn -q -B "${repo[@]}" -pl infra/axerve-simulator,functions/axerve-soap -am install -DskipTests
  mvn -q -B "${repo[@]}" -f bench/pom.xml package
fi
[ -f "$bench_jar" ] && [ -f "$sim_jar" ] || { echo "missing $bench_jar or $sim_jar: run without --no-build" >&2; exit 1; }

sim_log=$(mktemp)
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -f "$sim_log"
}
trap cleanup EXIT INT TERM

# port 0: the simulator binds a free loopback port and prints it
java -jar "$sim_jar" --port 0 --host 127.0.0.1 >"$sim_log" 2>&1 &
sim_pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$sim_log" | head -1)
  [ -n "$base" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$sim_log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "simulator did not start within 10 s" >&2; cat "$sim_log" >&2; exit 1; }

# runs main class $1 in one fresh JVM with Lambda's flags (remaining args go to main) and prints its output
probe() {
  local main=$1 t0; shift
  t0=$(date +%s%3N)
  timeout 60 java "${lambda_flags[@]}" -Dt0="$t0" -cp "$bench_jar" "$main" "$@"
}
value() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

bare=() ready=() first=() cpu=()
for i in $(seq 0 "$runs"); do
  b=$(probe com.axpay.bench.BareStart)
  e=$(probe com.axpay.bench.FirstEncrypt "$base")
  [ "$i" -eq 0 ] && continue   # warm-up: page cache, simulator JIT
  bare+=("$(value bare_start_ms "$b")") ready+=("$(value client_ready_ms "$e")") first+=("$(value first_encrypt_ms "$e")") cpu+=("$(value main_cpu_ms "$e")")
done

jar_bytes=$(stat -c %s "$bench_jar")
jar_files=$(jar tf "$bench_jar" | wc -l)
printf '\nAxerve SOAP cold start, median of %d runs (1 warm-up discarded), java %s, flags: %s\n\n' \
  "$runs" "$(java -version 2>&1 | sed -n 1p | sed 's/.*"\(.*\)".*/\1/')" "${lambda_flags[*]}"
printf '| %-44s | %10s |\n' "measure" "median"
printf '|%s|%s|\n' "----------------------------------------------" "------------"
printf '| %-44s | %7s ms |\n' "(a) bare JVM start (trivial main)" "$(printf '%s\n' "${bare[@]}" | median)"
printf '| %-44s | %7s ms |\n' "    JVM start to AxerveClient built" "$(printf '%s\n' "${ready[@]}" | median)"
printf '| %-44s | %7s ms |\n' "(b) JVM start to first completed Encrypt" "$(printf '%s\n' "${first[@]}" | median)"
printf '| %-44s | %7s ms |\n' "    main thread CPU, main() to first Encrypt" "$(printf '%s\n' "${cpu[@]}" | median)"
printf '| %-44s | %7s MB |\n' "(c) shaded jar, axerve-soap + runtime deps" "$(awk -v b="$jar_bytes" 'BEGIN{printf "%.2f", b/1048576}')"
printf '\nruns (ms): bare %s | ready %s | first Encrypt %s | main CPU %s\njar: %s bytes, %s entries\n' \
  "${bare[*]}" "${ready[*]}" "${first[*]}" "${cpu[*]}" "$jar_bytes" "$jar_files"
