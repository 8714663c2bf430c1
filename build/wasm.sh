#!/usr/bin/env bash
# Builds the browser modules: helpdex-wasm, size-optimised, through wasm-bindgen (--target web)
# into www/wasm/: helpdex_wasm (search, what the search box loads) and helpdex_suggest (the same
# with the `suggest` feature: long text as a query, for <helpdex-suggest> and hx.suggest()). Requires build/setup.sh (wasm target, rust-src and the matching wasm-bindgen
# CLI). www/test/size.test.mjs holds the result to its brotli budget.
#
# Two ways to build, the first preferred:
#
# 1. Size path. The module is built with its own copy of the standard library (`-Z build-std`),
#    compiled for size, with panics that abort at once instead of formatting a message, and
#    without Debug output or panic locations. That leaves core::fmt's panic machinery out of
#    the module (68.2 -> 51.3 KB brotli when this was introduced). These are unstable cargo and
#    rustc options; RUSTC_BOOTSTRAP=1 lets the stable toolchain use them, here and nowhere else
#    (tests build the module normally). Unstable options change between releases, so this path
#    is tested with one toolchain, TESTED_RUSTC below; with another it is tried, with a warning.
# 2. Stable fallback, used with a warning when the size path fails (another toolchain, no
#    rust-src): a plain `cargo build --release`-style build with the same `wasm` profile and no
#    unstable option. It works on any toolchain that builds the workspace; the module is larger
#    (it carries std's formatting and panic code) and may exceed the size budget.
#
# (The size path runs as an `if` condition, where `set -e` is off: each step returns on error.)
# A panic still cannot happen silently on either path: it traps, and the JavaScript side reports
# the failed call. HELPDEX_WASM_STABLE=1 skips the size path (to test the fallback).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/wasm}

# The toolchain the size path was verified with (rustc --version, first two fields).
TESTED_RUSTC="rustc 1.95.0"

warn() { printf 'build/wasm.sh: warning: %s\n' "$*" >&2; }

size_path() {
  local features=$1 rustc
  rustc=$(rustc --version | cut -d' ' -f1-2) || return 1
  if [ "$rustc" != "$TESTED_RUSTC" ]; then
    warn "the size path (-Z build-std, -Cpanic=immediate-abort) is tested with $TESTED_RUSTC;" \
      "this is $rustc, whose unstable options may differ. Trying it anyway."
  fi
  RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo build -p helpdex-wasm --target wasm32-unknown-unknown --profile wasm $features \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --target-dir target/wasm-size || return 1
  wasm=target/wasm-size/wasm32-unknown-unknown/wasm/helpdex_wasm.wasm
}

stable_path() {
  cargo build -p helpdex-wasm --target wasm32-unknown-unknown --profile wasm $1
  wasm=target/wasm32-unknown-unknown/wasm/helpdex_wasm.wasm
}

# module NAME CARGO-FEATURES: builds one module and its glue as $out/NAME.js, NAME_bg.wasm.
module() {
  if [ "${HELPDEX_WASM_STABLE:-}" = 1 ]; then
    warn "HELPDEX_WASM_STABLE=1: building $1 with the stable fallback (larger module)."
    stable_path "$2"
  elif ! size_path "$2"; then
    warn "the size path failed (see above); building $1 with the stable fallback instead." \
      "The module is larger and may exceed the size budget (www/test/size.test.mjs)." \
      "The size path is tested with $TESTED_RUSTC and needs rust-src (build/setup.sh)."
    stable_path "$2"
  fi
  wasm-bindgen --target web --remove-name-section --out-name "$1" --out-dir "$out" "$wasm"
}

module helpdex_wasm ""
# Only helpdex-wasm itself is rebuilt with the feature: a few seconds.
module helpdex_suggest "--features suggest"
