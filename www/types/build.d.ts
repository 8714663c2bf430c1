/** Options of {@link createIndex}: the flags of `helpdex build`. */
export interface IndexOptions {
  /** URL prefix for articles read from files (`guide/a.md` → `{baseUrl}guide/a`). Default `"/"`. */
  baseUrl?: string;
  /** Read only the files of directories that match one of these globs (`--include`). */
  include?: string[];
  /** Leave out the files of directories that match one of these globs (`--exclude`). */
  exclude?: string[];
  /** Larger articles are reported and skipped (default 8 MiB). */
  maxArticleBytes?: number;
  /** A synonyms file: one group of equivalent phrases per line (`--synonyms`). */
  synonyms?: string;
  /** Write nothing if anything is reported (`--strict`): the report says `written: false`. */
  strict?: boolean;
}

/** One article given as data, as a line of a `.jsonl` input. */
export interface ArticleRecord {
  id: string;
  url: string;
  title: string;
  /** Markdown. */
  body?: string;
  lang?: string;
  section?: string;
  tags?: string[] | string;
  /** A date (`2024-05-01`); a `Date` becomes its ISO string. */
  updated?: string | Date;
  description?: string;
}

/**
 * An article that was reported: a problem (left out), a warning (indexed) or a skip (left out
 * on purpose: drafts, redirects, index pages). `path` is the directory path as given, the path
 * given to `addFile`, or `"records"` for records, whose `line` is their 1-based number.
 */
export interface Reported {
  path: string;
  line: number | null;
  reason: string;
}

/** What a build did. */
export interface BuildReport {
  /** False only with `strict` and something reported. */
  written: boolean;
  /** Articles read (and indexed when written). */
  articles: number;
  /** Distinct terms in the index; null when nothing was written. */
  terms: number | null;
  /** Articles that could not be used: each left out, every other one still indexed. */
  problems: Reported[];
  /** Articles indexed but worth a look (invalid UTF-8 replaced, a url used twice). */
  warnings: Reported[];
  skipped: Reported[];
  /** Files of directories that `include`/`exclude` left out. */
  excluded: number;
}

/** One file of the index: its path in the index folder (`helpdex.json`, `postings/….hdx`) and bytes. */
export interface IndexFile {
  path: string;
  contents: Uint8Array;
}

/**
 * An index being put together. Nothing is read until {@link HelpdexIndex.getFiles} or
 * {@link HelpdexIndex.writeFiles}; a bad article is reported in their result, never thrown.
 * They reject only when nothing can be built (no articles at all, a directory that does not
 * exist, a bad glob or synonyms file), with the command's message.
 */
export declare class HelpdexIndex {
  private constructor();
  /** A folder of Markdown and HTML (or a `.jsonl`, `.jsonl.gz` or `.json` file). */
  addDirectory(path: string): void;
  /** One Markdown or HTML file, as if at `path` (relative) in a folder. */
  addFile(path: string, contents: string | Uint8Array): void;
  addRecord(record: ArticleRecord): void;
  /** Builds the index in memory. */
  getFiles(): Promise<BuildReport & { files: IndexFile[] }>;
  /** Builds the index into `dir`, replacing the one there atomically. */
  writeFiles(dir: string): Promise<BuildReport>;
}

/** The path reported for records added with `addRecord`. */
export declare const RECORDS: 'records';

export declare function createIndex(options?: IndexOptions): HelpdexIndex;
