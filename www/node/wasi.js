// Runs the helpdex command, compiled to WebAssembly (wasm32-wasip1, build/wasi.sh), under
// Node's WASI: the same Rust code as the native binary, so the same flags, messages, exit
// statuses and index bytes, with nothing but Node. The whole file system is mapped at `/`
// and the working folder passed in PWD (crates/cli/src/main.rs changes to it), so paths read
// as they do natively.
import { readFile } from 'node:fs/promises';

/** @type {Promise<WebAssembly.Module> | undefined} */
let module;

/** The compiled module, compiled once per process. */
function compiled() {
  module ??= readFile(new URL('helpdex.wasm', import.meta.url)).then((bytes) => WebAssembly.compile(bytes));
  return module;
}

/** node:wasi, loaded without its "experimental feature" warning, which the native binary does not print. */
async function loadWasi() {
  const emitWarning = process.emitWarning;
  process.emitWarning = /** @type {typeof process.emitWarning} */ (
    (warning, ...rest) => {
      if (!String(warning).includes('WASI')) emitWarning.call(process, warning, .../** @type {any[]} */ (rest));
    }
  );
  try {
    return (await import('node:wasi')).WASI;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * Runs `helpdex ARGS...` and resolves to its exit status.
 * @param {string[]} args
 * @param {{ stdin?: number, stdout?: number, stderr?: number }} [fds] file descriptors (default: this process's)
 * @returns {Promise<number>}
 */
export async function run(args, { stdin = 0, stdout = 1, stderr = 2 } = {}) {
  const [WASI, wasm] = await Promise.all([loadWasi(), compiled()]);
  const wasi = new WASI({
    version: 'preview1',
    args: ['helpdex', ...args],
    env: { ...process.env, PWD: process.cwd() },
    preopens: { '/': '/' },
    stdin,
    stdout,
    stderr,
    returnOnExit: true,
  });
  const imports = /** @type {WebAssembly.Imports} */ (wasi.getImportObject());
  const instance = await WebAssembly.instantiate(wasm, imports);
  return wasi.start(instance);
}
