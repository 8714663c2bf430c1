// The demo's page templates. Every value is escaped here; article bodies arrive as HTML from
// markdown.mjs, which never lets the samples' own HTML through.

const CSP = "script-src 'self' 'wasm-unsafe-eval'";

const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The outer page: search box in the header, attribution in the footer. */
function layout({ lang, title, main, footer, scripts = [] }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escape(title)} · helpdex demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="/helpdex/define.js"></script>
${scripts.map((src) => `<script type="module" src="${escape(src)}"></script>\n`).join('')}</head>
<body>
<header class="top">
<a class="brand" href="/">helpdex <span>demo help center</span></a>
<helpdex-search base="/search/"></helpdex-search>
</header>
<main>
${main}
</main>
<footer class="attribution">
${footer}
</footer>
</body>
</html>
`;
}

/** The credit a sample's license asks for, from its SOURCE.txt. */
function credit(source, { path, changes = true } = {}) {
  const file = path ? `<a href="${escape(`${source.repo}/blob/${source.commit}/${path}`)}">${escape(path)}</a> from ` : '';
  return `<p>${file}<a href="${escape(source.repo)}">${escape(source.repo.replace('https://github.com/', ''))}</a>
at commit <code>${escape(source.commit.slice(0, 12))}</code>, © ${escape(source.holder)},
licensed under <a href="${escape(source.licenseUrl)}" rel="license">${escape(source.license)}</a>${
    changes ? '. Changes: rendered to HTML; images, embedded HTML and links to pages outside this demo removed' : ''
  }${source.license.includes('SA') ? '; this adaptation is shared under the same license' : ''}.</p>`;
}

/** An article page. */
export function articlePage({ article, source, html }) {
  const main = `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">${article.lang === 'zh' ? '帮助中心' : 'Help center'}</a> › <span>${escape(article.section)}</span></nav>
<article data-helpdex-body>
${html}
</article>
<helpdex-feedback article="${escape(article.id)}"></helpdex-feedback>`;
  return layout({
    lang: article.lang === 'zh' ? 'zh-CN' : 'en',
    title: article.title,
    main,
    footer: credit(source, { path: article.path }),
    scripts: ['/helpdex/feedback.js'],
  });
}

/** The home page: every article by language and section. */
export function homePage({ languages }) {
  const columns = languages
    .map(({ lang, heading, articles }) => {
      const sections = new Map();
      for (const a of articles) sections.set(a.section, [...(sections.get(a.section) ?? []), a]);
      const lists = [...sections]
        .sort(([a], [b]) => a.localeCompare(b, lang))
        .map(
          ([section, list]) => `<section><h3>${escape(section)}</h3><ul>
${list.map((a) => `<li><a href="${escape(a.url)}">${escape(a.title)}</a></li>`).join('\n')}
</ul></section>`,
        )
        .join('\n');
      return `<div class="column" lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><h2>${escape(heading)}</h2>\n${lists}</div>`;
    })
    .join('\n');
  const main = `<div class="hero">
<h1>How can we help?</h1>
<p>Search ${languages.reduce((n, l) => n + l.articles.length, 0)} articles in English and Chinese. Try a typo like <kbd>outlok hyperlimks</kbd>, or <kbd>密码管理</kbd>. Press <kbd>/</kbd> or <kbd>Ctrl K</kbd> anywhere.</p>
</div>
<div class="columns">
${columns}
</div>`;
  return layout({
    lang: 'en',
    title: 'Help center',
    main,
    footer: languages.map(({ source }) => credit(source, { changes: true })).join('\n'),
  });
}
