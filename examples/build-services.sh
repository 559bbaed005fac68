#!/usr/bin/env bash
# Builds every example service under services/ into OUT_DIR (the Maven build passes
# target/classes/wasm): C with clang --target=wasm32-wasi, WAT with wat2wasm. A manifest beside a
# source (services/NAME/manifest.json, or broken/NAME.manifest.json) is appended to the module as
# the custom section "gyre.manifest" (wasm-host/README.md describes both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build-services.sh OUT_DIR}"
mkdir -p "$out/broken"

for tool in clang wasm-ld wat2wasm; do
  command -v "$tool" >/dev/null || { echo "build-services: $tool is missing (apt-get install clang lld wabt wasi-libc libclang-rt-14-dev-wasm32)" >&2; exit 1; }
done

# Unsigned LEB128 of $1, as printf escapes.
leb128() {
  local n=$1 byte escaped=""
  while :; do
    byte=$((n & 0x7f)); n=$((n >> 7))
    [ "$n" -ne 0 ] && byte=$((byte | 0x80))
    escaped+=$(printf '\\x%02x' "$byte")
    [ "$n" -eq 0 ] && break
  done
  printf '%s' "$escaped"
}

# Appends the manifest file $2 to module $1 as the custom section "gyre.manifest".
embed_manifest() {
  local wasm=$1 manifest=$2 name="gyre.manifest"
  local payload_len; payload_len=$(wc -c <"$manifest")
  local body_len=$(( ${#name} + 1 + payload_len ))
  {
    printf '\x00'
    printf "$(leb128 "$body_len")"
    printf "$(leb128 ${#name})"
    printf '%s' "$name"
    cat "$manifest"
  } >>"$wasm"
}

# Builds one source file into $2 (.wasm).
build_source() {
  local src=$1 wasm=$2
  case "$src" in
    *.wat) wat2wasm --enable-all "$src" -o "$wasm" ;;
    *.c)
      if grep -q 'int main' "$src"; then
        clang --target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wl,--strip-debug -o "$wasm" "$src"
      else # a reactor: no main, exports the service functions, imports the gyre host functions
        clang --target=wasm32-wasi -O2 -Wall -Wextra -Werror -mexec-model=reactor \
          -Wl,--strip-debug -Wl,--allow-undefined -o "$wasm" "$src"
      fi ;;
  esac
}

count=0
for dir in "$here"/services/*/; do
  name=$(basename "$dir")
  case "$name" in common|broken) continue ;; esac
  src=""
  for candidate in "$dir$name.c" "$dir$name.wat"; do
    if [ -f "$candidate" ]; then src=$candidate; fi
  done
  [ -n "$src" ] || { echo "build-services: $dir has no $name.c or $name.wat" >&2; exit 1; }
  build_source "$src" "$out/$name.wasm"
  [ -f "$dir/manifest.json" ] && embed_manifest "$out/$name.wasm" "$dir/manifest.json"
  count=$((count + 1))
done
for src in "$here"/services/broken/*.wat; do
  name=$(basename "$src" .wat)
  build_source "$src" "$out/broken/$name.wasm"
  manifest="$here/services/broken/$name.manifest.json"
  [ -f "$manifest" ] && embed_manifest "$out/broken/$name.wasm" "$manifest"
  count=$((count + 1))
done
echo "build-services: built $count modules into $out"
