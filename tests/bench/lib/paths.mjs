// Where things live. The shared corpora and queries sit beside the repository
// (`../shared` from its root), as on every developer machine and in CI.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(BENCH_DIR, '../..');
export const SHARED_DIR = process.env.HELPDEX_SHARED_DIR ?? resolve(REPO_ROOT, '..', 'shared');
export const WORK_DIR = resolve(BENCH_DIR, 'work');

export const corpusSource = (name) => resolve(SHARED_DIR, 'corpora', `${name}.jsonl.gz`);
export const querySource = (name) => resolve(SHARED_DIR, 'queries', `${name}.jsonl`);
/** The project's own hand-written question set for a corpus (tests/relevance). */
export const questionSource = (name) => resolve(REPO_ROOT, 'tests', 'relevance', `${name}-questions.jsonl`);
/** Build output of one engine on one corpus; also what the browser is served. */
export const indexDir = (engine, corpus) => resolve(WORK_DIR, 'index', engine, corpus);
