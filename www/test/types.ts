// Compiled by `tsc` in npm test, never run: the package's types read as a user would use them.
import { createSearch, HelpdexError, SearchIntents, segments, SUGGEST_CONFIDENCE, type SearchResult, type Suggestion } from 'helpdex';
import { HelpdexSearchElement } from 'helpdex/define';
import { HelpdexFeedbackElement, REASONS } from 'helpdex/feedback';
import { HelpdexSuggestElement } from 'helpdex/suggest';
import { createIndex, RECORDS, type BuildReport, type IndexFile, type Reported } from 'helpdex/build';
import helpdex from 'helpdex/vite';
import type { UserConfig } from 'vite';

async function api(): Promise<string[]> {
  const hx = await createSearch({ base: '/search/' });
  await hx.preload();
  const controller = new AbortController();
  const results: SearchResult[] = await hx.search('outlok', { limit: 5, signal: controller.signal });
  const first = results[0];
  const anchor: string | null = first.anchor;
  const marked = segments(first.excerpt.text, first.excerpt.highlights).filter((s) => s.match);
  const error = new HelpdexError('helpdex: x', '/search/helpdex.json');
  const intents = new SearchIntents((event) => void event.time, { pause: 1500 });
  intents.searched('outlok', results);
  intents.selected(first.id, 1);
  const suggested: Suggestion[] = await hx.suggest('Hi, outlook freezes on a shared calendar. Thanks, Anna', {
    limit: 3,
    minConfidence: SUGGEST_CONFIDENCE,
  });
  const sure: number = suggested[0].confidence;
  const words: string[] = suggested[0].matched;
  void sure;
  void words;
  return [anchor ?? '', error.file ?? '', ...marked.map((s) => s.text), ...first.subResults.map((s) => s.heading)];
}

function element(): void {
  const box = document.createElement('helpdex-search'); // typed by HTMLElementTagNameMap
  const same: HelpdexSearchElement = box;
  same.base = '/docs/search/';
  same.limit = 5;
  box.addEventListener('helpdex-select', (event) => {
    const href: string | null = event.detail.href;
    if (href?.startsWith('/app/')) event.preventDefault();
  });
  box.addEventListener('helpdex-results', (event) => event.detail.results.length);
  box.addEventListener('helpdex-event', (event) => (event.detail.type === 'select' ? event.detail.rank : event.detail.results));
  same.analytics = '/api/search-events';
  same.onEvent = (event) => void event.intent;
  HelpdexSearchElement.define('my-search');
  const jsx: JSX.IntrinsicElements['helpdex-search'] = { base: '/search/', 'no-shortcuts': true };
  void jsx;
  box.show();
  const feedback: HelpdexFeedbackElement = document.createElement('helpdex-feedback');
  feedback.onEvent = (event) => (event.helpful ? feedback.article : event.reason ?? REASONS[0]);
  const suggest: HelpdexSuggestElement = document.createElement('helpdex-suggest');
  suggest.onEvent = (event) => (event.type === 'suggest-dismissed' ? event.submitted : event.intent);
  suggest.addEventListener('helpdex-suggest-select', (event) => {
    if (event.detail.rank === 1 && event.detail.result.confidence > 0.9) event.preventDefault();
  });
  HelpdexSuggestElement.define('my-suggest');
}

async function build(): Promise<string[]> {
  const index = createIndex({ baseUrl: '/docs/', include: ['**/*.md'], strict: false });
  index.addDirectory('docs');
  index.addFile('guide/a.md', '# A');
  index.addFile('guide/b.html', new TextEncoder().encode('<h1>B</h1>'));
  index.addRecord({ id: 'r', url: '/r', title: 'R', body: 'Text', tags: ['x'], updated: new Date() });
  const { files, problems }: BuildReport & { files: IndexFile[] } = await index.getFiles();
  const written: BuildReport = await index.writeFiles('dist/search');
  const first: Reported | undefined = problems[0];
  const line: number | null = first?.line ?? null;
  return [...files.map((f: IndexFile) => `${f.path} ${f.contents.byteLength}`), String(written.terms), String(line), RECORDS];
}

const config: UserConfig = { plugins: [helpdex({ input: 'docs', out: 'search', exclude: ['drafts/**'] })] };

export { api, build, config, element };
