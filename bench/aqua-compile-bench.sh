#!/usr/bin/env bash
# Aqua compiler benchmark (issue 3, item 7): Gyre's compiler beside the real Aqua compiler 0.14.6,
# warm (JMH / bench-compile.mjs) and cold (a whole process), on (a) a small file that imports
# builtin.aqua and (b) the 2,038-line program gen-aqua.py 92 generates. Prints the figures that
# bench/RESULTS.md records. Run from anywhere; needs the oracle next to the repository.
#
#   bench/aqua-compile-bench.sh [--quick]      (--quick: fewer iterations)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORACLE="${ORACLE:-$repo/../shared/oracle}"
NPM_PREFIX="${GYRE_NPM_DIR:-$HOME/.cache/gyre/npm}"
out="$repo/bench/target/aqua"
runs=7; jmh_args=(); oracle_iter=10
if [ "${1:-}" = "--quick" ]; then runs=3; jmh_args=(-wi 2 -i 3 -w 1 -r 1); oracle_iter=3; fi
mkdir -p "$out"

echo "== inputs"
if [ ! -f "$NPM_PREFIX/node_modules/@fluencelabs/aqua-lib/builtin.aqua" ]; then
  npm install --no-save --prefix "$NPM_PREFIX" @fluencelabs/aqua-lib@0.10.2
fi
small="$out/small.aqua"; big="$out/big.aqua"
cp "$repo/bench/src/main/resources/io/gyre/bench/aqua/small.aqua" "$small"
python3 "$ORACLE/gen-aqua.py" 92 > "$big"
echo "small: $(wc -l < "$small") lines, big: $(wc -l < "$big") lines"
# The oracle resolves @fluencelabs imports from its own node_modules; give it the same files.
cp "$small" "$big" "$ORACLE/" 2>/dev/null || true

echo "== build"
(cd "$repo" && mvn -q -B -DskipTests -pl bench,runtime/cli -am package)
jar="$repo/runtime/cli/target/gyre.jar"

load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "== warm: Gyre (JMH), load $(load)"
java -Dgyre.bench.aqua.big="$big" -Dgyre.bench.aqua.imports="$NPM_PREFIX" \
  -jar "$repo/bench/target/benchmarks.jar" AquaCompileBenchmark "${jmh_args[@]}" \
  -rf json -rff "$out/jmh.json" | grep -E "^(Benchmark|AquaCompile)"
echo "== warm: real compiler (bench-compile.mjs), load $(load)"
(cd "$ORACLE" && node bench-compile.mjs --iterations "$oracle_iter" --warmup 2 small.aqua big.aqua)

echo "== cold: class-data archive (training run)"
cds="$out/gyre-aqua.jsa"
java -XX:ArchiveClassesAtExit="$cds" -jar "$jar" aqua compile "$small" "$big" -o "$out/cds-training" 2>/dev/null
cold() { # label, command...
  local label="$1"; shift
  local times=()
  for i in $(seq "$runs"); do
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
    printf "." >&2
  done
  printf "\n" >&2
  echo "$label: median $(printf "%s\n" "${times[@]}" | median) s of ${times[*]} (load $(load))"
}
for f in small big; do
  file="$out/$f.aqua"
  cold "gyre $f (java -jar)" java -jar "$jar" aqua compile "$file" -o "$out/cold"
  cold "gyre $f (java -jar, CDS + C1)" java -XX:SharedArchiveFile="$cds" -XX:TieredStopAtLevel=1 -jar "$jar" aqua compile "$file" -o "$out/cold"
  cold "gyre $f (./gyre, what users run: CDS + C1)" "$repo/gyre" aqua compile "$file" -o "$out/cold"
  cold "real compiler $f (node compile.mjs)" node "$ORACLE/compile.mjs" "$ORACLE/$f.aqua"
done
echo "== (b) runs: f0 and f91 of big.aqua compiled by Gyre, on the real AquaVM and in Gyre's simulator"
for f in f0 f91; do
  java -jar "$jar" aqua compile "$big" --func "$f" --print > "$out/big-$f.air" 2>/dev/null
  python3 - "$out/big-$f.air" "$out/big-$f.spec.json" <<'PY'
import json, sys
spec = {"init_peer": "init", "relay": "relay", "peers": ["relay", "alice", "bob"],
        "args": {"peers": ["@peer:alice", "@peer:bob"], "x": 11},
        "services": {"calc.rec": {"name": "r", "value": 5}, "calc.add": 16},
        "ttl_ms": 10000, "trace": False, "air": open(sys.argv[1]).read()}
json.dump(spec, open(sys.argv[2], "w"))
PY
  real=$(cd "$ORACLE" && node --stack-size=4000 run-air.mjs "$out/big-$f.spec.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], json.dumps(d["response"]))')
  gyre=$(java -jar "$jar" air simulate "$out/big-$f.spec.json" 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], json.dumps(d["response"]))')
  echo "$f: real AquaVM ok/response: $real; Gyre simulator: $gyre"
done
echo "JMH results: $out/jmh.json"
