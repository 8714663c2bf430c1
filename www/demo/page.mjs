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
<a class="contact" href="${lang.startsWith('zh') ? '/zh/contact.html' : '/contact.html'}">${lang.startsWith('zh') ? '联系支持' : 'Contact support'}</a>
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

const CONTACT = {
  en: {
    title: 'Contact support',
    intro: 'Tell us what happened. While you write, articles that may answer your question appear below the message.',
    email: 'Your email',
    message: 'Your message',
    send: 'Send message',
    sent: 'Thank you: your message was sent.',
    url: '/contact.html',
  },
  zh: {
    title: '联系支持',
    intro: '请描述您遇到的问题。输入时，可能解答您问题的文章会显示在留言下方。',
    email: '您的邮箱',
    message: '您的留言',
    send: '发送留言',
    sent: '谢谢，您的留言已发送。',
    url: '/zh/contact.html',
  },
};

/**
 * A contact form with <helpdex-suggest> under its message. The demo server answers the form's
 * POST with the page named in its action, the way a site's form handler would thank the sender.
 */
export function contactPage({ lang, source }) {
  const t = CONTACT[lang];
  const main = `<h1>${t.title}</h1>
<p>${t.intro}</p>
<form class="contact-form" method="post" action="${t.url.replace('contact', 'contact-sent')}">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="email">
<label for="message">${t.message}</label>
<textarea id="message" name="message" rows="8" required></textarea>
<helpdex-suggest for="message" base="/search/"></helpdex-suggest>
<button type="submit">${t.send}</button>
</form>`;
  const page = (main) =>
    layout({ lang: lang === 'zh' ? 'zh-CN' : 'en', title: t.title, main, footer: credit(source, { changes: true }), scripts: ['/helpdex/suggest.js'] });
  return { form: page(main), sent: page(`<h1>${t.title}</h1>\n<p role="status">${t.sent}</p>`) };
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
