#!/usr/bin/env bash
# Runs the REAL Aqua compiler (aqua-api 0.14.6, from the oracle workshop) and Gyre's compiler on
# every .aqua file under the given directories, one verdict per file each, and prints the tally:
# how many files the real compiler accepts, how many of those Gyre compiles (each one it does not,
# with its first diagnostic) and with the same set of compiled functions, and what Gyre does with
# the files the real compiler refuses. AIR=1 also parses every function Gyre compiled with the real
# AquaVM's parser (scripts/corpus-air-parse.mjs) and counts the ones it refuses.
#
#   aqua-compiler/scripts/corpus-tally.sh DIR...
#
#   ORACLE=DIR   the oracle workshop with node_modules installed (`npm ci` there; default
#                ../shared/oracle beside the repository)
#   NPM=DIR      npm cache searched by both compilers for "@fluencelabs/..." imports
#                (default ~/.cache/gyre/npm; see the README's "Import resolution")
#   OUT=DIR      where real.tsv and gyre.txt are written (default: a temporary directory)
# Builds nothing: run `mvn -B -o -q install -DskipTests` first (CorpusCheck is in test-classes).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ORACLE="${ORACLE:-$repo/../shared/oracle}"
NPM="${NPM:-$HOME/.cache/gyre/npm}"
OUT="${OUT:-$(mktemp -d)}"
[ $# -ge 1 ] || { echo "usage: corpus-tally.sh DIR..." >&2; exit 2; }
[ -d "$ORACLE/node_modules/@fluencelabs/aqua-api" ] || {
  echo "no aqua-api under $ORACLE/node_modules: run npm ci there (or set ORACLE)" >&2; exit 2; }
# Every .aqua under each DIR, not inside a node_modules below it (a DIR may itself be inside one).
mapfile -t files < <(for d in "$@"; do find "$d" -name node_modules -prune -o -name '*.aqua' -print; done | sort)
echo "${#files[@]} files" >&2

node "$repo/aqua-compiler/scripts/corpus-oracle.mjs" --oracle "$ORACLE" \
  --import "$NPM/node_modules" "${files[@]}" > "$OUT/real.tsv"

antlr="$(find "$HOME/.m2/repository/org/antlr/antlr4-runtime" -name 'antlr4-runtime-*.jar' | sort -V | tail -1)"
cp="$repo/aqua-compiler/target/classes:$repo/aqua-compiler/target/test-classes:$antlr"
java -cp "$cp" io.gyre.aqua.tools.CorpusCheck --import "$NPM" "${files[@]}" > "$OUT/gyre.txt"

python3 - "$OUT/real.tsv" "$OUT/gyre.txt" <<'PY'
import sys
real = {}
for line in open(sys.argv[1]):
    v, f, rest = (line.rstrip("\n").split("\t") + ["", ""])[:3]
    real[f] = (v, rest)
gyre = {}
for line in open(sys.argv[2]):
    v, _, rest = line.rstrip("\n").partition(" ")
    f, _, msg = rest.partition(" ")
    gyre[f] = (v, msg)
acc = [f for f in real if real[f][0] == "OK"]
ref = [f for f in real if real[f][0] != "OK"]
ok = [f for f in acc if gyre.get(f, ("?",))[0] == "OK"]
print(f"files: {len(real)}")
print(f"real compiler accepts: {len(acc)}; Gyre compiles {len(ok)} of them")
for f in acc:
    if gyre.get(f, ("?",))[0] != "OK":
        print(f"  GYRE {gyre.get(f, ('?', ''))[0]}: {f}: {gyre.get(f, ('', ''))[1]}")
same = [f for f in ok if gyre[f][1] == real[f][1]]
print(f"of those, the same set of compiled functions: {len(same)}")
for f in ok:
    if gyre[f][1] != real[f][1]:
        print(f"  FUNCTIONS {f}: real {real[f][1]}; gyre {gyre[f][1]}")
gok = [f for f in ref if gyre.get(f, ("?",))[0] == "OK"]
print(f"real compiler refuses: {len(ref)}; Gyre compiles {len(gok)}, rejects {len(ref) - len(gok)}")
for f in ref:
    print(f"  REAL: {f}: {real[f][1][:160]}")
    print(f"    gyre {gyre.get(f, ('?', ''))[0]}: {gyre.get(f, ('', ''))[1][:160]}")
crash = [f for f in gyre if gyre[f][0] == "CRASH"]
print(f"Gyre crashes: {len(crash)}")
PY
if [ "${AIR:-0}" = 1 ]; then
  rm -rf "$OUT/air"
  java -cp "$cp" io.gyre.aqua.tools.CorpusCheck --import "$NPM" --air "$OUT/air" "${files[@]}" > /dev/null
  shopt -s nullglob
  airs=("$OUT/air"/*.air)
  node "$repo/aqua-compiler/scripts/corpus-air-parse.mjs" --oracle "$ORACLE" "${airs[@]}" > "$OUT/air-parse.tsv"
  echo "AIR of Gyre's functions parsed by AquaVM: $(grep -c '^OK' "$OUT/air-parse.tsv") of ${#airs[@]}"
  grep '^FAIL' "$OUT/air-parse.tsv" || true
fi
echo "verdicts: $OUT/real.tsv $OUT/gyre.txt" >&2
