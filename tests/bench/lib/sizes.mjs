// Byte sizes of build output: raw, gzip -9 and brotli per file, summed.
// Brotli runs at quality 11 (what sites precompress with) up to 4 MB; larger
// files get quality 5, because 11 runs at ~1 MB/s on them and 9 at ~3 MB/s
// (about 2 minutes for lunr's 402 MB en-large index), while 5 is ~8× faster
// than 9 and within 5% of its size (measured on 50 MB of that index).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out.sort();
}

export const BROTLI_MAX_QUALITY_BYTES = 4e6;
export const BROTLI_LARGE_FILE_QUALITY = 5;

/** Sizes of one file; a file that is already a gzip stream is served as is, so all three equal its size. */
export function compressedSizes(bytes) {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { raw: bytes.length, gzip: bytes.length, brotli: bytes.length, brotliQuality: 11 };
  const quality = bytes.length <= BROTLI_MAX_QUALITY_BYTES ? 11 : BROTLI_LARGE_FILE_QUALITY;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
    brotliQuality: quality,
  };
}

/** Totals over the files of `dir` for which `include(path)` holds. */
export function dirSizes(dir, include = () => true) {
  const total = { files: 0, raw: 0, gzip: 0, brotli: 0, brotliReducedFiles: 0 };
  for (const file of listFiles(dir).filter(include)) {
    const s = compressedSizes(readFileSync(join(dir, file)));
    total.files += 1;
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    if (s.brotliQuality !== 11) total.brotliReducedFiles += 1;
  }
  return total;
}
