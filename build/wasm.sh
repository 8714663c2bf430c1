#!/usr/bin/env bash
# Builds the browser module: helpdex-wasm, size-optimised, through wasm-bindgen (--target web)
# into www/wasm/. Requires build/setup.sh (wasm target, rust-src and the matching wasm-bindgen
# CLI).
#
# The module is built with its own copy of the standard library (`-Z build-std`), compiled for
# size, with panics that abort at once instead of formatting a message, and without Debug
# output or panic locations. That leaves core::fmt's panic machinery out of the module
# (68.2 -> 51.3 KB brotli when this was introduced). These are unstable cargo and rustc
# options; RUSTC_BOOTSTRAP=1 lets the pinned stable toolchain use them, here and nowhere else
# (tests build the module normally). A panic still cannot happen silently: it traps, and the
# JavaScript side reports the failed call.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/wasm}
RUSTC_BOOTSTRAP=1 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  cargo build -p helpdex-wasm --target wasm32-unknown-unknown --profile wasm \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --target-dir target/wasm-size
wasm-bindgen --target web --remove-name-section --out-dir "$out" \
  target/wasm-size/wasm32-unknown-unknown/wasm/helpdex_wasm.wasm
