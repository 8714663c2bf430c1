#!/usr/bin/env bash
# Installs everything helpdex's build and tests need on a fresh Debian machine with Rust, Node
# and npm: the wasm targets (the browser module, and the command for Node, `npx helpdex`), the
# wasm-bindgen CLI matching Cargo.lock, Debian's Chromium and ChromeDriver (browser tests; never
# a downloaded browser), brotli, GNU time (the benchmark's peak-memory numbers), cargo-fuzz, the
# npm packages, and the documentation generators whose sites crates/cli/tests/generators.rs
# indexes: Hugo and DocBook XSL (Debian), Sphinx and MkDocs (PyPI, pinned in
# tests/generators/requirements.txt), VitePress and Docusaurus (npm). The `npm ci` of the Vite
# + React example (www/examples/react) also fills the npm cache that www/test/packed.test.mjs
# installs from offline.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "Rust target wasm32-wasip1 (build/wasi.sh: the command in WebAssembly for npx helpdex)"
rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1

step "Rust standard library source (build/wasm.sh builds a size-optimised std)"
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

step "Debian packages: chromium chromium-driver brotli time hugo xsltproc docbook-xsl docbook-xml"
missing=()
for pkg in chromium chromium-driver brotli time hugo xsltproc docbook-xsl docbook-xml; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

step "wasm-bindgen CLI (the version Cargo.lock pins)"
want=$(build/wasm-bindgen-version.sh)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
  # No --locked: wasm-bindgen-cli's own lockfile pins crate versions the registry mirror lacks,
  # so the install would fail; without it cargo resolves versions the mirror has.
  cargo install wasm-bindgen-cli --version "$want"
fi

step "cargo-fuzz (build/fuzz.sh)"
fuzz_version=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $fuzz_version"; then
  cargo install --locked cargo-fuzz --version "$fuzz_version"
fi

step "Sphinx and MkDocs in tests/generators/.venv (pinned)"
venv=tests/generators/.venv
if ! cmp -s tests/generators/requirements.txt "$venv/installed.txt" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/generators/requirements.txt
  cp tests/generators/requirements.txt "$venv/installed.txt"
fi

step "npm packages"
for dir in www www/examples/react tests/bench tests/generators/vitepress tests/generators/docusaurus; do
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done
