// Builds the demo help center: the Markdown samples of ../shared/corpora/samples (English and
// Chinese) rendered to pages in demo/site/, the helpdex package in site/helpdex/, and the index
// in site/search/, built by the helpdex CLI from a JSON Lines file of the same articles (so
// every article keeps its language and section; the CLI renders the same Markdown to index
// it). The pages' heading ids are the anchors the indexer gives (crates/ingest's `anchors`
// example reads the same file), so results link to headings that exist.
//
//   node demo/build.mjs            (after `npm run build`; run from www/ or anywhere)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { createRenderer } from './markdown.mjs';
import { articlePage, contactPage, homePage } from './page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const www = resolve(here, '..');
const repo = resolve(www, '..');
export const shared = process.env.HELPDEX_SHARED ?? resolve(repo, '../shared');
export const site = join(here, 'site');
const work = join(here, 'work');

const LANGUAGES = [
  { lang: 'en', heading: 'English', general: 'General', samples: 'en-help-md', corpus: 'en-help.jsonl.gz', idPrefix: 'MicrosoftDocs/OfficeDocs-Support:' },
  { lang: 'zh', heading: '中文', general: '综合', samples: 'zh-help-md', corpus: 'zh-help.jsonl.gz', idPrefix: 'pingcap/docs-cn:' },
];

/** Repository, commit, holder and license from a samples folder's SOURCE.txt. */
function readSource(folder) {
  const text = readFileSync(join(folder, 'SOURCE.txt'), 'utf8');
  const need = (re, what) => re.exec(text)?.[1] ?? fail(`${folder}/SOURCE.txt: no ${what} found`);
  return {
    repo: need(/(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)/, 'repository'),
    commit: need(/at commit ([0-9a-f]{40})/, 'commit'),
    holder: need(/Copyright ([^.]+)\./, 'copyright holder'),
    license: need(/(CC BY(?:-SA)? \d\.\d)/, 'license'),
    licenseUrl: need(/(https:\/\/creativecommons\.org\/licenses\/[\w/.-]+\/)/, 'license URL'),
  };
}

function fail(message) {
  throw new Error(message);
}

function markdownFiles(dir, rel = '') {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return markdownFiles(dir, path);
      return e.name.endsWith('.md') ? [path] : [];
    });
}

/** Corpus records by id, for the sections the corpus assigns from each site's table of contents. */
function corpusSections(file, ids) {
  const sections = new Map();
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    const id = /^\{"id": "((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
    if (id && ids.has(id)) sections.set(id, JSON.parse(line).section);
  }
  return sections;
}

/** The corpus's section ("(root)": in no table of contents), else the top folder. */
function sectionOf(language, corpusSection, path) {
  if (corpusSection === '(root)') return language.general;
  return corpusSection ?? path.split('/')[0];
}

function splitFrontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? { meta: parseYaml(m[1]) ?? {}, body: text.slice(m[0].length) } : { meta: {}, body: text };
}

/** @param {{ release?: boolean }} [cli] which build of the CLI indexes (see buildIndex) */
export function buildSite(cli = {}) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const records = [];
  const languages = LANGUAGES.map((l) => {
    const folder = join(shared, 'corpora/samples', l.samples);
    const source = readSource(folder);
    const paths = markdownFiles(folder);
    const sections = corpusSections(join(shared, 'corpora', l.corpus), new Set(paths.map((p) => l.idPrefix + p)));
    const pages = new Map(paths.map((p) => [p, `/${l.lang}/${p.replace(/\.md$/, '.html')}`]));
    const articles = paths.map((path) => {
      const { meta, body } = splitFrontMatter(readFileSync(join(folder, path), 'utf8').replace(/^\uFEFF/, ''));
      // Links between samples go to their demo page; links elsewhere in the original site
      // would be dead here, so they become plain text; absolute web links stay.
      const link = (href) => {
        if (/^https?:\/\//i.test(href)) return href;
        if (href.startsWith('#')) return href;
        const [file, hash = ''] = href.split('#');
        const target = relative('.', join(dirname(path), file)).replace(/\\/g, '/');
        const page = pages.get(target.endsWith('.md') ? target : `${target}.md`);
        return page ? page + (hash && `#${hash}`) : null;
      };
      const h1 = createRenderer(link).render(body).headings.find((h) => h.level === 1)?.text;
      const article = {
        id: `${l.lang}/${path}`,
        lang: l.lang,
        path,
        url: pages.get(path),
        title: (typeof meta.title === 'string' && meta.title.trim()) || h1 || path,
        section: sectionOf(l, sections.get(l.idPrefix + path), path),
      };
      const record = { id: article.id, url: article.url, title: article.title, body, lang: l.lang, section: article.section };
      records.push(record);
      return { article, record, link };
    });
    return { ...l, source, articles };
  });
  const jsonl = join(work, 'articles.jsonl');
  writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const anchors = ingestAnchors(jsonl, cli);
  for (const { source, articles } of languages) {
    for (const { article, record, link } of articles) {
      const { html, unmatched } = createRenderer(link, anchors.get(record.id)).render(record.body);
      if (unmatched.length) fail(`${record.id}: no heading on its page for the indexer's ${unmatched.map((h) => JSON.stringify(h.text)).join(', ')}`);
      write(join(site, article.url), articlePage({ article, source, html }));
    }
  }
  for (const { lang, source } of languages) {
    const { form, sent } = contactPage({ lang, source });
    const prefix = lang === 'en' ? '' : `${lang}/`;
    write(join(site, `${prefix}contact.html`), form);
    write(join(site, `${prefix}contact-sent.html`), sent);
  }
  write(join(site, 'index.html'), homePage({ languages: languages.map((l) => ({ ...l, articles: l.articles.map((a) => a.article) })) }));
  cpSync(join(here, 'assets'), join(site, 'assets'), { recursive: true });
  cpSync(join(www, 'dist'), join(site, 'helpdex'), { recursive: true });
  buildIndex([jsonl], join(site, 'search'), cli);
  return records.length;
}

/** Each article's headings with the anchors the indexer gives them, by id. */
function ingestAnchors(jsonl, { release = true } = {}) {
  const profile = release ? ['--release'] : [];
  const out = execFileSync('cargo', ['run', ...profile, '--quiet', '-p', 'helpdex-ingest', '--example', 'anchors', '--', jsonl], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const anchors = new Map();
  for (const line of out.split('\n').filter(Boolean)) {
    const { id, headings } = JSON.parse(line);
    anchors.set(id, headings);
  }
  return anchors;
}

/**
 * Runs the helpdex CLI over `inputs`, built by cargo if needed: the release build, or with
 * `release: false` the debug one (the tests' choice: `cargo test` has built it already, and
 * their indexes are small).
 */
export function buildIndex(inputs, out, { release = true } = {}) {
  const profile = release ? ['--release'] : [];
  execFileSync('cargo', ['run', ...profile, '--quiet', '-p', 'helpdex', '--', 'build', ...inputs, '--out', out, '--quiet', '--strict'], {
    cwd: repo,
    stdio: 'inherit',
  });
}

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const n = buildSite();
  console.log(`demo: ${n} articles → ${relative(process.cwd(), site)} (${Date.now() - started} ms)`);
}
