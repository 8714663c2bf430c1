// Article Markdown → HTML for the demo pages, with markdown-it. The samples are someone
// else's text, so raw HTML never passes through: HTML blocks become escaped text, inline tags
// are dropped except a few attribute-less formatting tags, images are left out (their files
// are not part of the samples) and links are rewritten or removed by the caller's rule.
import MarkdownIt from 'markdown-it';

const FORMATTING = /^<(\/?)(b|i|em|strong|kbd|sub|sup|code)\s*>$|^<(br)\s*\/?>$/i;
const CALLOUT = /\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]/g;
// DocFX syntax the indexer drops too: `:::image …:::`, `[!INCLUDE [x](y)]`.
const DOCFX = /:::[a-z][\s\S]*?:::|\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]/g;

/**
 * @param {(href: string) => string | null} link where a link goes, or null to drop it
 * @param {{ level: number, text: string, anchor: string }[]} [anchors] the article's headings as the indexer
 *   read them, with their anchors (see build.mjs); without them headings get no ids
 */
export function createRenderer(link, anchors = []) {
  const md = new MarkdownIt({ html: true });
  const escape = md.utils.escapeHtml;
  const rules = md.renderer.rules;

  rules.html_block = (tokens, i) => {
    const text = tokens[i].content.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return text ? `<p>${escape(text)}</p>\n` : '';
  };
  rules.html_inline = (tokens, i) => {
    const m = FORMATTING.exec(tokens[i].content.trim());
    if (!m) return '';
    return m[3] ? '<br>' : `<${m[1]}${m[2].toLowerCase()}>`;
  };
  rules.image = () => '';
  rules.text = (tokens, i) =>
    escape(tokens[i].content).replace(CALLOUT, (_, kind) => `<strong class="callout">${kind[0]}${kind.slice(1).toLowerCase()}</strong>`);

  // Links: a kept link gets the caller's href; a dropped one renders as its text.
  const dropped = [];
  rules.link_open = (tokens, i, options, env, self) => {
    const href = link(tokens[i].attrGet('href') ?? '');
    dropped.push(href === null);
    if (href === null) return '';
    tokens[i].attrSet('href', href);
    if (/^https?:/.test(href)) tokens[i].attrSet('rel', 'noopener');
    return self.renderToken(tokens, i, options);
  };
  rules.link_close = (tokens, i, options, env, self) => (dropped.pop() ? '' : self.renderToken(tokens, i, options));

  // Heading ids are the indexer's anchors, so every anchor a result links to exists here. They
  // are matched in page order by level and text (inline code included, image text and tags not); the
  // headings the indexer leaves out (the title's H1, empty ones) get none. `{#id}` is removed
  // from the text: the indexer's anchor is that id.
  md.core.ruler.push('heading_ids', (state) => {
    let next = 0;
    const headings = [];
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[i + 1];
      const last = inline.children.at(-1);
      const explicit = last?.type === 'text' && /\s*\{#([^}\s]+)[^}]*\}\s*$/.exec(last.content);
      if (explicit) last.content = last.content.slice(0, explicit.index);
      const text = plainText(inline.children);
      const level = Number(token.tag.slice(1));
      const match = anchors[next]?.level === level && anchors[next].text === text;
      const id = match ? anchors[next++].anchor : undefined;
      if (id !== undefined) token.attrSet('id', id);
      headings.push({ level, text, id });
    });
    state.env.headings = headings;
    state.env.unmatched = anchors.slice(next);
  });

  return {
    /**
     * `unmatched`: the anchors no heading of the page took (the renderers disagree on a text).
     * @returns {{ html: string, headings: {level: number, text: string, id?: string}[], unmatched: { text: string, anchor: string }[] }}
     */
    render(markdown) {
      const env = {};
      const html = md.render(markdown.replace(DOCFX, ''), env);
      return { html, headings: env.headings, unmatched: env.unmatched };
    },
  };
}

/** A heading's text as the indexer reads it: whitespace runs collapsed to one space. */
function plainText(children) {
  let text = '';
  for (const t of children) {
    if (t.type === 'text' || t.type === 'code_inline') text += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}
