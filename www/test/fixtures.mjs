// Builds what the tests read (npm test runs this first, after the package): the demo site and
// its index, and
//   work/xss/      two articles, one titled `<img src=x onerror=alert(1)>` with a javascript: url
//   work/corrupt/  the demo index with one flipped byte in its core file
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildIndex, buildSite, site } from '../demo/build.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = join(here, 'work');

const cli = { release: false };
buildSite(cli);
rmSync(work, { recursive: true, force: true });
buildIndex([join(here, 'fixtures/xss.jsonl')], join(work, 'xss'), cli);

const corrupt = join(work, 'corrupt');
cpSync(join(site, 'search'), corrupt, { recursive: true });
const core = join(corrupt, JSON.parse(readFileSync(join(corrupt, 'helpdex.json'), 'utf8')).core);
const bytes = gunzipSync(readFileSync(core));
bytes[bytes.length - 1] ^= 0xff; // in the payload: the header is fine, the checksum is not
writeFileSync(core, gzipSync(bytes));
