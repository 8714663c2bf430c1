#!/usr/bin/env bash
# Prints the wasm-bindgen version Cargo.lock pins; the CLI must be exactly this version.
set -euo pipefail
cd "$(dirname "$0")/.."
sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock
