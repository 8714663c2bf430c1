#!/usr/bin/env bash
# Builds and serves the demo help center at http://127.0.0.1:${PORT:-8080}/: installs what is
# needed, builds the helpdex CLI, then the npm package, the sample site and its index.
set -euo pipefail
cd "$(dirname "$0")/.."
build/setup.sh
cargo build --release -p helpdex
npm --prefix www run demo
