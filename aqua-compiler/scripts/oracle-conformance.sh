#!/usr/bin/env bash
# Compiles every conformance case with Gyre's Aqua compiler and runs the AIR on the REAL AquaVM
# (the oracle's run-air.mjs), then applies compare.mjs --compiler. Compile-error cases must be
# rejected at the case's line.
#
#   aqua-compiler/scripts/oracle-conformance.sh [CASES_ROOT_OR_CASE_DIR ...]
#   (default: the repository's conformance/cases)
#   ORACLE=/path/to/oracle CONFORMANCE=/path/to/conformance (its compare.mjs) to override the tool
#   locations.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONFORMANCE="${CONFORMANCE:-$repo/../shared/conformance}"
ORACLE="${ORACLE:-$repo/../shared/oracle}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

roots=("$@")
[ ${#roots[@]} -eq 0 ] && roots=("$repo/conformance/cases")
cases=()
for r in "${roots[@]}"; do
  if [ -f "$r/case.json" ]; then cases+=("$r"); else for d in "$r"/*/; do [ -f "$d/case.json" ] && cases+=("${d%/}"); done; fi
done

# Build the CLI once, then run its jar directly (./gyre would rebuild whenever a source changes).
(cd "$repo" && mvn -q -B -DskipTests -pl runtime/cli -am package)
gyre() { java -jar "$repo/runtime/cli/target/gyre.jar" "$@"; }
pass=0; fail=0; failed=()
for c in "${cases[@]}"; do
  name="$(basename "$c")"
  fn="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("function",""))' "$c/case.json")"
  ce="$(python3 -c 'import json,sys; print(1 if json.load(open(sys.argv[1]))["expected"].get("compile_error") else 0)' "$c/case.json")"
  if [ "$ce" = 1 ]; then
    gyre aqua check "$c/case.aqua" 2>"$work/$name.err" >/dev/null
    python3 - "$work/$name.err" "$work/$name.actual.json" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
m = re.search(r":(\d+):(\d+): error: (.*)", text)
json.dump({"line": int(m.group(1)) if m else None, "message": m.group(3) if m else text}, open(sys.argv[2], "w"))
PY
  else
    if ! gyre aqua compile "$c/case.aqua" --func "$fn" --print >"$work/$name.air" 2>"$work/$name.err"; then
      echo "FAIL $name (does not compile)"; cat "$work/$name.err"; fail=$((fail+1)); failed+=("$name"); continue
    fi
    python3 - "$c/case.json" "$work/$name.air" "$work/$name.spec.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))["spec"]
spec["air"] = open(sys.argv[2]).read()
json.dump(spec, open(sys.argv[3], "w"))
PY
    (cd "$ORACLE" && node --stack-size=4000 run-air.mjs "$work/$name.spec.json" >"$work/$name.actual.json" 2>"$work/$name.run.err")
  fi
  if node "$CONFORMANCE/compare.mjs" --compiler "$work/$name.actual.json" "$c/case.json"; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); failed+=("$name")
  fi
done
echo "oracle conformance: $pass passed, $fail failed${failed:+ (${failed[*]})}"
[ "$fail" -eq 0 ]
