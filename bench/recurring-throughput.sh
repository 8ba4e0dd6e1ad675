#!/usr/bin/env bash
# Recurring charge throughput through the queue path (issue 5, "Tests and measures"): the schedule enqueues every
# due charge into SQS (ElasticMQ, in-process on 127.0.0.1), N pollers play Lambda's SQS event source and invoke the
# charge worker with batches of up to 10, each charge a real callPagamS2S to the Axerve simulator with a set latency.
# Prints charges/second beside the ideal (concurrency / latency) and checks no agreement was charged twice.
#
# usage: bench/recurring-throughput.sh [-a AGREEMENTS] [-l LATENCY_MS] [-c CONCURRENCY] [--no-build] [--repo DIR]
#   --repo DIR: install the modules into the Maven repository DIR (e.g. a private copy of ~/.m2/repository)
#               instead of the default one, so a shared repository's SNAPSHOTs are left alone
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/java25.sh   # the deployed runtime's Java major

agreements=300
latency=100
concurrency=10
build=1
repo=()
while [ $# -gt 0 ]; do
  case "$1" in
    -a) agreements="${2:?-a needs a number}"; shift 2 ;;
    -l) latency="${2:?-l needs a number}"; shift 2 ;;
    -c) concurrency="${2:?-c needs a number}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --repo) repo=("-Dmaven.repo.local=${2:?--repo needs a directory}"); shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for v in "$agreements" "$latency" "$concurrency"; do
  case "$v" in ''|*[!0-9]*) echo "options take whole numbers" >&2; exit 2 ;; esac
done

if [ "$build" -eq 1 ]; then
  echo "building the recurring functions and their upstream modules..." >&2
  mvn -q -B -ntp "${repo[@]}" -pl functions/recurring,infra/axerve-simulator -am install -DskipTests
fi
# the functions' JSON log lines go to stdout too: keep only the report
mvn -q -B -ntp "${repo[@]}" -f bench/recurring/pom.xml compile exec:java \
  -Dexec.args="$agreements $latency $concurrency" | grep -v '^{' | grep -v '^\s*$' | grep -v '^\[0m' || true
