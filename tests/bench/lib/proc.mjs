// Child processes: measured runs (wall time + peak memory of the whole process
// tree, so a Node API that drives a helper binary — Pagefind — is charged for
// both) and a line-protocol client for CLIs that answer one query per line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const PAGE = 4096;
const SAMPLE_MS = 25;
// GNU time reports the kernel's high-water mark of the largest process, which
// catches runs too short for the sampler; the sampler catches helper processes
// running side by side. The peak is the larger of the two.
const GNU_TIME = '/usr/bin/time';

function children(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(' ').map(Number));
    } catch {
      // The task ended between listing and reading.
    }
  }
  return out;
}

function rssBytes(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** Resident memory of `pid` and all its descendants right now. */
export function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rssBytes(p);
    stack.push(...children(p));
  }
  return total;
}

/**
 * Runs a command to completion. Resolves `{code, signal, stdout, stderr, wallMs,
 * peakRss, timedOut}`; never rejects on a non-zero exit (callers decide).
 */
export function runMeasured(cmd, args, { cwd, env, timeoutMs = 0, input } = {}) {
  const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : null;
  const timeFile = timeDir && join(timeDir, 'maxrss');
  const [file, argv] = timeFile ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // Own process group, so a timeout kills the command and not just GNU time.
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid))), SAMPLE_MS);
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          process.kill(-child.pid, 'SIGKILL');
        }, timeoutMs)
      : null;
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      if (timeDir) {
        const kb = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
        if (Number.isFinite(kb)) peakRss = Math.max(peakRss, kb * 1024);
        rmSync(timeDir, { recursive: true, force: true });
      }
      resolvePromise({ code, signal, stdout, stderr, wallMs, peakRss, timedOut });
    });
    child.stdin.end(input);
  });
}

/** The lines of a crash report that say what went wrong (V8 fatal errors, thrown errors), without stack frames. */
export function firstErrorLines(stderr, count = 2) {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^#\s*/, '').trim())
    .filter((l) => l && !/^(at |\d+: 0x|-----|FailureMessage|Node\.js v)/.test(l));
  const at = lines.findIndex((l) => /error|fatal|failed|exception/i.test(l));
  return (at < 0 ? lines.slice(-count) : lines.slice(at, at + count)).join(' ');
}

/** Last lines of a process's stderr, for error messages. */
export const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');

/**
 * A long-running CLI that reads one query per stdin line and prints exactly one
 * result line per query. `parse(line)` turns a result line into ranked ids.
 */
export class LineProcess {
  constructor(cmd, args, parse) {
    this.child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.parse = parse;
    this.waiting = [];
    this.stderr = '';
    this.child.stderr.on('data', (d) => (this.stderr += d));
    const fail = (why) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`${cmd} ${why}\n${tail(this.stderr)}`));
    };
    this.child.on('error', (e) => fail(e.message));
    this.child.on('close', (code) => fail(`exited with ${code}`));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (!next) return;
      try {
        next.resolve(this.parse(line));
      } catch (e) {
        next.reject(e);
      }
    });
  }

  search(query) {
    // Queries are single lines by construction; a newline would desynchronise the protocol.
    const line = query.replace(/[\r\n]+/g, ' ');
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
  }

  close() {
    this.child.stdin.end();
  }
}

/**
 * Round-trip time of the line protocol itself, measured against `cat`: the
 * floor under every latency of an engine searched through a pipe.
 */
export async function pipeRoundTrip(samples = 2000) {
  const echo = new LineProcess('cat', [], (line) => line);
  const durations = [];
  for (let i = 0; i < samples; i += 1) {
    const t = performance.now();
    await echo.search(`query ${i}`);
    durations.push(performance.now() - t);
  }
  echo.close();
  return durations.slice(samples / 4); // the first quarter warms up
}
