#!/usr/bin/env bash
# Builds the browser module: helpdex-wasm, size-optimised, through wasm-bindgen (--target web)
# into www/wasm/. Requires build/setup.sh (wasm target and the matching wasm-bindgen CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/wasm}
cargo build -p helpdex-wasm --target wasm32-unknown-unknown --profile wasm
wasm-bindgen --target web --remove-name-section --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm/helpdex_wasm.wasm
