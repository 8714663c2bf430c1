#!/usr/bin/env bash
# Builds the helpdex command for WebAssembly (wasm32-wasip1) into www/node/helpdex.wasm: the
# indexer that `npx helpdex` and the `helpdex/build` API run under Node's WASI (www/node/wasi.js).
# It is the same crate as the native binary, built with the `wasi` profile (release, stripped);
# rayon and the JSON Lines reader run on one thread there (wasm32-wasip1 has no threads), which
# changes no output byte. Requires the wasm32-wasip1 target (build/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/node/helpdex.wasm}
cargo build -p helpdex --bin helpdex --target wasm32-wasip1 --profile wasi
cp target/wasm32-wasip1/wasi/helpdex.wasm "$out"
