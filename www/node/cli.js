#!/usr/bin/env node
// `npx helpdex …`: the helpdex command in WebAssembly, for machines without a Rust toolchain.
import { run } from './wasi.js';

process.exitCode = await run(process.argv.slice(2));
