#!/usr/bin/env bash
# ClusterLoad with a CPU-contention-proof figure: instructions retired per particle, counted by
# `perf stat` over 20 s of the measured phase. On a shared machine the process CPU time per
# particle swings with the neighbours' load (contended caches and cores run the same work in more
# time); the instruction count does not. Needs Linux perf (perf_event_paranoid <= 2).
#
# usage: bench/cluster-load-instructions.sh [SECONDS [WARMUP [IN_FLIGHT]]]   (JAVA_OPTS for the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
warmup=${2:-15}
in_flight=${3:-32}
if (( seconds < 25 )); then
  echo "SECONDS must be at least 25 (the count covers 20 s of the measured phase)" >&2
  exit 2
fi
log=$(mktemp)
counts=$(mktemp)
trap 'rm -f "$log" "$counts"' EXIT
# shellcheck disable=SC2086
java -Xmx2g ${JAVA_OPTS:-} -cp bench/target/benchmarks.jar io.gyre.bench.node.ClusterLoad \
  "$seconds" "$warmup" "$in_flight" > "$log" 2>&1 &
pid=$!
echo "ClusterLoad $seconds $warmup $in_flight (pid $pid): waiting for the measured phase..."
until grep -q '^  measured' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$log" >&2
    exit 1
  fi
  sleep 0.2
done
before=$(grep -c '^  measured' "$log")
echo "counting instructions for 20 s..."
perf stat --per-thread -x, -e instructions:u,instructions,context-switches,task-clock \
  -p "$pid" sleep 20 2> "$counts" || true
wait "$pid"
# the four 5-second progress lines printed during the count
particles=$(grep '^  measured' "$log" | sed -n "$((before + 1)),$((before + 4))p" \
  | awk '{ n += $2 * 5 } END { print n }')
# Per-thread lines: "NAME-TID,COUNT,UNIT,EVENT,...": summed over the threads.
field() { awk -F, -v e="$1" '$4 == e { n += $2 } END { printf "%.0f", n }' "$counts"; }
user=$(field 'instructions:u')
all=$(field 'instructions')
switches=$(field 'context-switches')
cpu_ms=$(field 'task-clock')
# The JIT compiler threads' share moves with warm-up, not with the code measured.
jit=$(awk -F, '$4 == "instructions:u" && $1 ~ /Compiler/ { n += $2 } END { printf "%.0f", n }' "$counts")
grep -E 'throughput|latency|process CPU|interpreter' "$log"
awk -v p="$particles" -v u="$user" -v a="$all" -v s="$switches" -v c="$cpu_ms" -v j="$jit" 'BEGIN {
  printf "perf window     %d particles: %.2f M instructions/particle (%.2f M user, %.2f M kernel), %.0f context switches/particle, %.2f ms CPU/particle\n",
    p, a / p / 1e6, u / p / 1e6, (a - u) / p / 1e6, s / p, c / p
  printf "                %.2f M user instructions/particle outside the JIT compiler threads (JIT %.2f M)\n",
    (u - j) / p / 1e6, j / p / 1e6 }'
