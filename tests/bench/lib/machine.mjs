// What the numbers were measured on, and with which tool versions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { BENCH_DIR, REPO_ROOT } from './paths.mjs';

const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

export function machine() {
  const osRelease = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1];
  return {
    cpuModel: readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model,
    nproc: Number(run('nproc', [])) || cpus().length,
    memoryBytes: totalmem(),
    freeMemoryBytesAtStart: freemem(),
    os: osRelease ?? null,
    kernel: run('uname', ['-r']),
    loadAverageAtStart: loadavg(),
  };
}

/** Versions of everything the results depend on (npm packages as resolved by `npm ls`). */
export function toolVersions(chromium) {
  const npmTree = JSON.parse(run('npm', ['ls', '--json', '--prefix', BENCH_DIR]) ?? '{}');
  return {
    node: process.version,
    npm: run('npm', ['--version']),
    npmPackages: Object.fromEntries(Object.entries(npmTree.dependencies ?? {}).map(([name, d]) => [name, d.version])),
    rustc: run('rustc', ['--version']),
    cargo: run('cargo', ['--version']),
    chromium: run(chromium, ['--version']),
    repositoryCommit: run('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD']),
  };
}
