// End to end in headless Chromium (Debian's, driven by playwright-core): the demo help center
// and the test fixtures, served as a host would, under the demo's Content-Security-Policy.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../demo/serve.mjs';
import { CHROMIUM, manifest, site, work, www } from './helpers.mjs';

const HYPERLINKS = 'Hyperlinks are not working';
const artifacts = join(www, 'test-artifacts');

let server;
let browser;
let origin;
let profile;
/** Milliseconds to hold back a response, by path (the stale-answer test sets it). */
let delay = () => 0;
/** The search events the analytics beacons brought to /events, parsed. */
const beacons = [];

before(async () => {
  const receive = (body) => beacons.push(...body.trim().split('\n').map((l) => JSON.parse(l)));
  server = await serve({ mounts: { '/': site, '/fixtures/': join(www, 'test/fixtures'), '/work/': work }, delay: (p) => delay(p), events: { path: '/events', receive } });
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), 'helpdex-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: { width: 1100, height: 760 } });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A fresh page that records console errors, uncaught errors, dialogs, CSP violations and box events. */
async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__events.push(`csp ${e.violatedDirective} ${e.blockedURI}`));
    window.__analytics = [];
    document.addEventListener('helpdex-event', (e) => window.__analytics.push(e.detail));
    for (const type of ['helpdex-results', 'helpdex-select', 'helpdex-error']) {
      document.addEventListener(type, (e) => window.__events.push(`${type} ${e.detail?.query ?? e.detail?.error?.message ?? ''}`));
    }
  });
  await page.goto(origin + path);
  const clean = async () => {
    const csp = (await events(page)).filter((e) => e.startsWith('csp'));
    assert.deepEqual([...problems, ...csp], [], 'no console errors, uncaught errors, dialogs or CSP violations');
  };
  return { page, clean };
}

const events = (page) => page.evaluate(() => window.__events);
const box = (page) => page.locator('helpdex-search');
const options = (page) => page.locator('helpdex-search [role="option"]');
const input = (page) => page.locator('helpdex-search input');
const dialog = (page) => page.locator('helpdex-search dialog');

/** Opens the box and types `text` one keystroke at a time (a search each), until its own answer is shown. */
async function typeQuery(page, text) {
  await page.evaluate(() => customElements.whenDefined('helpdex-search'));
  await page.keyboard.press('Control+k');
  await input(page).waitFor();
  await page.keyboard.type(text);
  await page.waitForFunction((q) => window.__events.some((e) => e === `helpdex-results ${q}` || e.startsWith('helpdex-error')), text);
}

describe('the demo help center', () => {
  test('a misspelled query shows the right article first, searched in a worker', async () => {
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlok hyperlimks');
    await assert.doesNotReject(options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor());
    assert.equal(page.workers().length, 1);
    // The combobox points at the first option; the live region says how many results.
    const active = await input(page).getAttribute('aria-activedescendant');
    assert.equal(await options(page).first().getAttribute('id'), active);
    assert.equal(await options(page).first().getAttribute('aria-selected'), 'true');
    assert.equal(await input(page).getAttribute('aria-expanded'), 'true');
    await page.locator('helpdex-search [role="status"]').filter({ hasText: /^\d+ results?$/ }).waitFor();
    // Matched words are marked, as text.
    const marks = await options(page).first().locator('mark').allTextContents();
    assert.ok(marks.map((m) => m.toLowerCase()).includes('hyperlinks'), String(marks));
    await clean();
    await page.close();
  });

  test('↓ ↓ ↵ opens the chosen result at its heading, and the query becomes a recent search', async () => {
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlook hyperlinks');
    await options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const id = await input(page).getAttribute('aria-activedescendant');
    assert.equal(id, await options(page).nth(2).getAttribute('id'));
    const href = await options(page).nth(2).getAttribute('href');
    assert.match(href, /\.html#.+/);
    await page.keyboard.press('Enter');
    await page.waitForURL(href);
    const target = await page.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.tagName);
    assert.match(target ?? 'none', /^H[1-6]$/);
    await page.keyboard.press('/');
    await page.locator('helpdex-search .recent', { hasText: 'outlook hyperlinks' }).waitFor();
    await clean();
    await page.close();
  });

  test('Ctrl+K and / open the dialog with the field focused; Esc and the backdrop close it', async () => {
    const { page, clean } = await open('/');
    assert.equal(await dialog(page).isVisible(), false);
    await page.keyboard.press('Control+k');
    await dialog(page).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('helpdex-search').shadowRoot.activeElement?.tagName), 'INPUT');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    await page.keyboard.press('/');
    await dialog(page).waitFor();
    await page.mouse.click(5, 700); // outside the dialog
    await dialog(page).waitFor({ state: 'hidden' });
    await clean();
    await page.close();
  });

  test('an app can route a chosen result itself by cancelling helpdex-select', async () => {
    const { page, clean } = await open('/');
    await page.evaluate(() =>
      document.addEventListener('helpdex-select', (e) => {
        e.preventDefault();
        window.__routed = e.detail.href;
      }),
    );
    await typeQuery(page, 'outlok hyperlimks');
    await options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'hidden' });
    assert.match(await page.evaluate(() => window.__routed), /hyperlinks-not-working-in-outlook\.html/);
    assert.equal(page.url(), `${origin}/`);
    await clean();
    await page.close();
  });

  test('the element module registers nothing; define() is idempotent and takes other tags', async () => {
    const { page, clean } = await open('/fixtures/blank.html');
    const defined = await page.evaluate(async () => {
      const { HelpdexSearchElement } = await import('/helpdex/element.js');
      if (customElements.get('helpdex-search')) return ['registered on import'];
      HelpdexSearchElement.define();
      HelpdexSearchElement.define();
      HelpdexSearchElement.define('other-search');
      HelpdexSearchElement.define('other-search');
      return [customElements.get('helpdex-search') === HelpdexSearchElement, !!customElements.get('other-search')];
    });
    assert.deepEqual(defined, [true, true]);
    await clean();
    await page.close();
  });

  test('limit, lang and placeholder apply while the box is open', async () => {
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlook');
    const articles = page.locator('helpdex-search [role="option"].article');
    await page.waitForFunction(() => document.querySelector('helpdex-search').shadowRoot.querySelectorAll('.article').length > 1);
    await box(page).evaluate((e) => e.setAttribute('limit', '1'));
    await page.waitForFunction(() => document.querySelector('helpdex-search').shadowRoot.querySelectorAll('.article').length === 1);
    assert.equal(await articles.count(), 1);
    await box(page).evaluate((e) => e.setAttribute('lang', 'zh'));
    await box(page).locator('footer', { hasText: '切换' }).waitFor();
    assert.equal(await input(page).getAttribute('placeholder'), '搜索帮助中心');
    await box(page).evaluate((e) => e.setAttribute('placeholder', 'Find an answer'));
    assert.equal(await input(page).getAttribute('placeholder'), 'Find an answer');
    assert.equal(await articles.count(), 1, 'the limit holds across the re-render');
    await clean();
    await page.close();
  });

  test('the open search box with results has no axe violations', async () => {
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlook hyperlinks');
    await options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor();
    // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      // The box and its shadow tree: the demo page around it is not under test.
      const { violations } = await window.axe.run({ include: [['helpdex-search']] }, { resultTypes: ['violations'] });
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('; ')})`);
    });
    assert.deepEqual(violations, []);
    await clean();
    await page.close();
  });

  test('Chinese pages get Chinese UI strings and Chinese results', async () => {
    const { page, clean } = await open('/zh/password-management.html');
    assert.equal((await box(page).locator('.trigger .label').textContent()).trim(), '搜索');
    await page.keyboard.press('Control+k');
    assert.equal(await input(page).getAttribute('placeholder'), '搜索帮助中心');
    await page.keyboard.insertText('密码管理');
    await options(page).first().locator('.title', { hasText: 'TiDB 密码管理' }).waitFor();
    assert.match(await box(page).locator('footer').textContent(), /切换/);
    await clean();
    await page.close();
  });

  test('pinyin typed without picking characters finds the Chinese article, its characters marked', async () => {
    const { page, clean } = await open('/zh/password-management.html');
    await typeQuery(page, 'mimaguanli'); // 密码管理, as an IME user types it before choosing characters
    const first = options(page).first();
    await first.locator('.title', { hasText: 'TiDB 密码管理' }).waitFor();
    const marks = await first.locator('mark').allTextContents();
    assert.ok(marks.some((m) => m.includes('密码管理')), String(marks));
    await clean();
    await page.close();
  });

  test('a slow answer to an older keystroke never replaces a newer one', async () => {
    const { page, clean } = await open('/');
    await page.keyboard.press('Control+k');
    await input(page).fill('windows'); // loads the index
    await page.locator('helpdex-search .title').first().waitFor();
    // "access" lives in a postings chunk not loaded yet: hold it back, then type past it.
    delay = (p) => (p.includes('/postings/') ? 800 : 0);
    await input(page).fill('access');
    await page.waitForTimeout(50);
    delay = () => 0;
    await input(page).fill('windows');
    await page.waitForTimeout(1200);
    const shown = await events(page);
    assert.equal(shown.filter((e) => e.startsWith('helpdex-results')).at(-1), 'helpdex-results windows');
    assert.ok(!shown.includes('helpdex-results access'), shown.join('\n'));
    await clean();
    await page.close();
  });

  test('a one-letter first keystroke: the page fetches the chunks the manifest lists for it, the worker none', async () => {
    const { first, postings, fragments } = manifest();
    const letter = 'o';
    const listed = [...first[letter].postings.map((n) => postings[n]), ...first[letter].fragments.map((n) => fragments[n])];
    assert.ok(listed.length > 1, JSON.stringify(first));
    const { page, clean } = await open('/');
    const requests = [];
    page.on('request', (r) => /\/search\/(postings|fragments)\//.test(r.url()) && requests.push(r));
    // The core file held back, so the letter is typed before the index could open.
    delay = (p) => (/^\/search\/index\.[0-9a-f]+\.hdx$/.test(p) ? 300 : 0);
    try {
      await typeQuery(page, letter);
    } finally {
      delay = () => 0;
    }
    await options(page).first().waitFor();
    const fetched = requests.map((r) => new URL(r.url()).pathname.replace('/search/', ''));
    assert.deepEqual(fetched.sort(), listed.sort(), 'each listed chunk fetched once, and nothing else');
    // A worker's fetches carry its script as the referrer; the page's carry the page.
    for (const r of requests) assert.equal(await r.headerValue('referer'), `${origin}/`, r.url());
    await clean();
    await page.close();
  });

  test('without Web Workers, search runs on the main thread', async () => {
    const { page, clean } = await open('/fixtures/no-worker.html');
    await typeQuery(page, 'outlok hyperlimks');
    await options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor();
    assert.equal(page.workers().length, 0);
    await clean();
    await page.close();
  });

  test('screenshot of the open search box with results', async () => {
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlok hyperlimks');
    await options(page).first().locator('.title', { hasText: HYPERLINKS }).waitFor();
    await page.waitForTimeout(200); // the opening animation
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'search-box.png') });
    await clean();
    await page.close();
  });
});

/** Waits until the beacons that reached the server number `n` (5 s at most); returns how many did. */
async function beaconCount(n) {
  for (let i = 0; i < 100 && beacons.length < n; i++) await new Promise((r) => setTimeout(r, 50));
  return beacons.length;
}

describe('search events for the knowledge-gap loop', () => {
  test('typing then choosing is one search and one select; typing then closing is one no-results; beacons carry exactly those', async () => {
    beacons.length = 0;
    const { page, clean } = await open('/');
    await box(page).evaluate((b) => b.setAttribute('analytics', '/events'));
    const seen = [];
    await page.exposeFunction('__onEvent', (e) => seen.push(e));
    await box(page).evaluate((b) => (b.onEvent = (e) => window.__onEvent(e)));
    // An intent with no results, ended by Esc.
    await typeQuery(page, 'zqxjv wombat');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    // An intent typed keystroke by keystroke (a search each), then a result chosen.
    await typeQuery(page, 'outlook hyperlinks');
    const first = await options(page).first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL(first);
    assert.equal(await beaconCount(3), 3, JSON.stringify(beacons));
    const [none, search, select] = beacons;
    assert.deepEqual(Object.keys(none).sort(), ['intent', 'lang', 'query', 'results', 'time', 'top', 'type']);
    assert.equal(none.type, 'no-results');
    assert.equal(none.query, 'zqxjv wombat');
    assert.equal(none.results, 0);
    assert.equal(search.type, 'search');
    assert.equal(search.query, 'outlook hyperlinks');
    assert.equal(search.lang, 'en');
    assert.ok(search.results > 0 && search.top.length > 0 && search.top.length <= 5, JSON.stringify(search));
    assert.deepEqual(Object.keys(select).sort(), ['id', 'intent', 'query', 'rank', 'time', 'type']);
    assert.equal(select.type, 'select');
    assert.equal(select.rank, 1);
    assert.equal(select.id, search.top[0]);
    assert.equal(select.intent, search.intent);
    assert.notEqual(none.intent, search.intent);
    assert.ok(!Number.isNaN(Date.parse(select.time)));
    // The callback saw the same three (DOM events too, checked on the next page).
    assert.deepEqual(seen.map((e) => e.type), ['no-results', 'search', 'select']);
    await clean();
    await page.close();
  });

  test('with Global Privacy Control or Do Not Track, events still reach the page but no beacon is sent', async () => {
    for (const refuse of [() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }), () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })]) {
      beacons.length = 0;
      const page = await browser.newPage();
      await page.addInitScript(refuse);
      await page.addInitScript(() => {
        window.__analytics = [];
        window.__events = [];
        document.addEventListener('helpdex-event', (e) => window.__analytics.push(e.detail.type));
        document.addEventListener('helpdex-results', (e) => window.__events.push(`helpdex-results ${e.detail.query}`));
      });
      await page.goto(origin + '/');
      await box(page).evaluate((b) => b.setAttribute('analytics', '/events'));
      await typeQuery(page, 'outlook hyperlinks');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'hidden' });
      // Hidden pages flush their beacons: make this one hidden, then give a beacon time to land.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await page.evaluate(() => dispatchEvent(new Event('pagehide')));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await page.evaluate(() => window.__analytics), ['search']);
      assert.equal(beacons.length, 0, JSON.stringify(beacons));
      await page.close();
    }
  });

  test('an analytics URL on another origin is refused: nothing is sent', async () => {
    beacons.length = 0;
    const { page } = await open('/');
    const requests = [];
    page.on('request', (r) => r.method() === 'POST' && requests.push(r.url()));
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await box(page).evaluate((b) => b.setAttribute('analytics', 'https://collector.example/events'));
    await typeQuery(page, 'outlook hyperlinks');
    await page.keyboard.press('Escape');
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(requests, []);
    assert.ok(warnings.some((w) => w.includes('not on this site')), String(warnings));
    await page.close();
  });
});

describe('article feedback', () => {
  test('answered by keyboard: No, a reason, Send — one feedback event, announced, and beaconed', async () => {
    beacons.length = 0;
    const { page, clean } = await open('/');
    await typeQuery(page, 'outlook hyperlinks');
    const href = await options(page).first().getAttribute('href');
    await page.goto(new URL(href ?? '', origin).href);
    const feedback = page.locator('helpdex-feedback');
    const article = await feedback.getAttribute('article');
    assert.match(article ?? '', /^en\/.+\.md$/);
    await feedback.evaluate((f) => f.setAttribute('analytics', '/events'));
    // Tab into it: the first two stops are its buttons, by name.
    await feedback.locator('button', { hasText: 'Yes' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('helpdex-feedback').shadowRoot.activeElement?.textContent), 'No');
    await page.keyboard.press('Enter');
    // Focus moves to the first reason; arrows pick another; Tab reaches Send.
    assert.equal(await page.evaluate(() => document.querySelector('helpdex-feedback').shadowRoot.activeElement?.getAttribute('value')), 'inaccurate');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await feedback.locator('[role="status"]', { hasText: 'Thank you' }).waitFor();
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    assert.equal(await beaconCount(1), 1);
    const [event] = beacons;
    assert.deepEqual(Object.keys(event).sort(), ['article', 'helpful', 'reason', 'time', 'type']);
    assert.deepEqual({ ...event, time: null }, { type: 'feedback', time: null, article, helpful: false, reason: 'unclear' });
    assert.deepEqual(await events(page), [], 'no CSP violations');
    await clean();
    await page.close();
  });

  test('has no axe violations, asking and after a no', async () => {
    const { page, clean } = await open('/en/Outlook/Client/message-body/hyperlinks-not-working-in-outlook.html');
    await page.locator('helpdex-feedback legend').waitFor();
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const audit = () =>
      page.evaluate(async () => {
        const { violations } = await window.axe.run({ include: [['helpdex-feedback']] }, { resultTypes: ['violations'] });
        return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
      });
    assert.deepEqual(await audit(), []);
    await page.locator('helpdex-feedback button', { hasText: 'No' }).click();
    await page.locator('helpdex-feedback input[type="radio"]').first().waitFor();
    assert.deepEqual(await audit(), []);
    await clean();
    await page.close();
  });

  test('Chinese pages ask in Chinese', async () => {
    const { page } = await open('/');
    const zh = await page.locator('a[href^="/zh/"]').first().getAttribute('href');
    await page.goto(new URL(zh ?? '', origin).href);
    await page.locator('helpdex-feedback').locator('legend', { hasText: '这篇文章有帮助吗' }).waitFor();
    await page.close();
  });
});

describe('article suggestions in the contact form', () => {
  const TICKET = 'Hi support,\nsince this morning the hyperlinks in my Outlook emails do nothing when I click them. How can I fix that?\nThanks, Anna';
  const suggestions = (page) => page.locator('helpdex-suggest a[part="suggestion"]');

  /** Types `text` into the message field, key by key, as a customer would. */
  async function write(page, text) {
    await page.evaluate(() => customElements.whenDefined('helpdex-suggest'));
    await page.locator('#message').click();
    await page.keyboard.type(text, { delay: 5 });
  }

  test('writing a problem suggests the article; it opens in a new tab; the form still sends; one event of each kind', async () => {
    beacons.length = 0;
    const { page, clean } = await open('/contact.html');
    await page.locator('helpdex-suggest').evaluate((s) => s.setAttribute('analytics', '/events'));
    await write(page, TICKET);
    await suggestions(page).first().waitFor();
    assert.match(await suggestions(page).first().innerText(), new RegExp(HYPERLINKS));
    await page.locator('helpdex-suggest [role="status"]', { hasText: 'may answer your question' }).waitFor();
    // Typing was never interrupted: focus stayed in the field and every character arrived.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message');
    assert.equal(await page.locator('#message').inputValue(), TICKET);
    const href = await suggestions(page).first().getAttribute('href');
    const [tab] = await Promise.all([page.waitForEvent('popup'), suggestions(page).first().click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), href);
    assert.match(await tab.locator('h1').first().innerText(), new RegExp(HYPERLINKS));
    await tab.close();
    // More typing in the same message is the same intent: no second `suggest`.
    await page.locator('#message').press('End');
    await page.keyboard.type(' It happens in Outlook 2016 too.', { delay: 5 });
    await new Promise((r) => setTimeout(r, 1200));
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/contact-sent\.html$/);
    await page.locator('[role="status"]', { hasText: 'your message was sent' }).waitFor();
    assert.equal(await beaconCount(3), 3, JSON.stringify(beacons));
    const [shown, chosen, sent] = beacons;
    assert.deepEqual(Object.keys(shown).sort(), ['intent', 'lang', 'results', 'time', 'top', 'type']);
    assert.equal(shown.type, 'suggest');
    assert.ok(shown.results >= 1 && shown.top.length === shown.results, JSON.stringify(shown));
    assert.deepEqual({ ...chosen, time: null }, { type: 'suggest-select', time: null, id: shown.top[0], rank: 1, intent: shown.intent });
    assert.deepEqual({ ...sent, time: null }, { type: 'suggest-dismissed', time: null, intent: shown.intent, submitted: true });
    // Nothing of the message itself leaves the page.
    assert.ok(!JSON.stringify(beacons).includes('Anna') && !JSON.stringify(beacons).includes('hyperlinks in my'));
    await clean();
    await page.close();
  });

  test('by keyboard: Tab reaches the suggestions, then Hide; hiding returns focus to the message and reports it', async () => {
    const { page, clean } = await open('/contact.html');
    await write(page, TICKET);
    await suggestions(page).first().waitFor();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.querySelector('helpdex-suggest').shadowRoot.activeElement?.textContent ?? '');
    assert.match(await focused(), new RegExp(HYPERLINKS));
    const n = await suggestions(page).count();
    for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Hide suggestions');
    await page.keyboard.press('Enter');
    await suggestions(page).first().waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message');
    const seen = await page.evaluate(() => window.__analytics.map((e) => `${e.type}${e.type === 'suggest-dismissed' ? ` ${e.submitted}` : ''}`));
    assert.deepEqual(seen, ['suggest', 'suggest-dismissed false']);
    // Hidden for this message: more typing brings nothing back.
    await page.keyboard.type(' Please help.', { delay: 5 });
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(await suggestions(page).count(), 0);
    await clean();
    await page.close();
  });

  test('hx.suggest() without a worker (the main-thread fallback) answers the same, with confidence and matched words', async () => {
    const { page, clean } = await open('/contact.html');
    const answers = await page.evaluate(async (text) => {
      const { createSearch } = await import('/helpdex/helpdex.js');
      const ask = async (worker) => {
        const hx = await createSearch({ base: '/search/', worker });
        const [first] = await hx.suggest(text, { limit: 3 });
        hx.destroy();
        return { title: first.title, confidence: first.confidence, matched: first.matched };
      };
      return [await ask(false), await ask(true)];
    }, TICKET);
    assert.match(answers[0].title, new RegExp(HYPERLINKS));
    assert.ok(answers[0].confidence > 0 && answers[0].confidence <= 1, JSON.stringify(answers[0]));
    assert.ok(answers[0].matched.includes('hyperlinks'), JSON.stringify(answers[0]));
    assert.deepEqual(answers[0], answers[1]);
    await clean();
    await page.close();
  });

  test('text no article answers suggests nothing; shown suggestions have no axe violations; Chinese forms speak Chinese', async () => {
    const { page, clean } = await open('/contact.html');
    const answered = page.waitForResponse((r) => r.url().endsWith('.hdx'));
    await write(page, 'Good morning, my manager asked me to sort this out before Monday. Regards, Tom');
    await answered;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await suggestions(page).count(), 0);
    await page.locator('#message').fill('');
    await write(page, TICKET);
    await suggestions(page).first().waitFor();
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const { violations } = await window.axe.run({ include: [['helpdex-suggest']] }, { resultTypes: ['violations'] });
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    });
    assert.deepEqual(violations, []);
    await clean();
    await page.close();
    const zh = await open('/zh/contact.html');
    await write(zh.page, '您好，\n我们上周刚做过一次扩容。想请教一下，忘记root密码怎么办？\n谢谢！');
    await suggestions(zh.page).first().waitFor();
    await zh.page.locator('helpdex-suggest .title', { hasText: '这些文章也许能解答您的问题' }).waitFor();
    assert.match(await suggestions(zh.page).first().getAttribute('href'), /\/zh\//);
    await zh.clean();
    await zh.page.close();
  });
});

describe('hostile and broken indexes', () => {
  test('an article titled <img src=x onerror=alert(1)> is shown as text and runs nothing', async () => {
    const { page, clean } = await open('/fixtures/xss.html');
    await typeQuery(page, 'img onerror');
    await options(page).first().waitFor();
    const titles = await page.locator('helpdex-search .title').allTextContents();
    assert.ok(titles.includes('<img src=x onerror=alert(1)>'), titles.join(' | '));
    assert.ok((await page.locator('helpdex-search .group-label').allTextContents()).includes('<svg onload=alert(6)>'));
    const created = await box(page).evaluate((el) => el.shadowRoot.querySelectorAll('img, svg[onload], script, [onerror], [onmouseover]').length);
    assert.equal(created, 0);
    // Its javascript: url is no link, and choosing it goes nowhere.
    const evil = options(page).filter({ hasText: '<img src=x onerror=alert(1)>' }).first();
    assert.equal(await evil.getAttribute('href'), null);
    assert.equal(await evil.evaluate((e) => e.tagName), 'DIV');
    await evil.click();
    await page.waitForTimeout(300);
    assert.equal(page.url(), `${origin}/fixtures/xss.html`);
    await clean(); // no alert() dialog was opened
    await page.close();
  });

  test('a corrupt index shows the error state, naming the file', async () => {
    const { page, clean } = await open('/fixtures/corrupt.html');
    await typeQuery(page, 'outlook');
    const state = page.locator('helpdex-search .state.error');
    await state.waitFor();
    assert.match(await state.textContent(), /Search is unavailable right now\..*\/work\/corrupt\/index\.[0-9a-f]+\.hdx: checksum mismatch/);
    assert.equal(await options(page).count(), 0);
    assert.ok((await events(page)).some((e) => e.startsWith('helpdex-error')));
    await clean();
    await page.close();
  });
});
