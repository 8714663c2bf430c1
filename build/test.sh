#!/usr/bin/env bash
# Runs every helpdex test. README's quick start and CI (.ci/run) both call this.
# Expects build/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (core, ingest, CLI, wasm bindings natively)"
cargo test --workspace

# Ignored by the step above: they need the generators build/setup.sh installs.
step "documentation generators: build real sites, index them, check anchors, chrome, titles, skips"
cargo test -p helpdex --test generators -- --ignored --test-threads 1 --nocapture

step "fuzzing smoke: replay saved crash inputs, each target briefly (stable toolchain)"
build/fuzz.sh --smoke

step "browser module in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p helpdex-wasm --target wasm32-unknown-unknown --features suggest

# ---- browser side (www/): npm package, <helpdex-search>, demo help center ----------------
step "www: JavaScript API in Node, search box end to end in headless Chromium, npx helpdex and the build API against the native binary, the packed package in the Vite + React example"
npm --prefix www test

step "benchmark harness unit tests (metrics, plain text, typing, hostile queries)"
node --test tests/bench/test/

# Every engine on 60-article corpora, helpdex in Node (CLI) and Chromium (www/dist, built by
# `npm --prefix www test` above), so the harness cannot rot; about a minute. The full run is by hand.
step "benchmark smoke run (helpdex and every peer)"
cargo build --release -p helpdex
node tests/bench/run.mjs --smoke --require-helpdex
