// Article Markdown → HTML for the demo pages, with markdown-it. The samples are someone
// else's text, so raw HTML never passes through: HTML blocks become escaped text, inline tags
// are dropped except a few attribute-less formatting tags, images are left out (their files
// are not part of the samples) and links are rewritten or removed by the caller's rule.
import MarkdownIt from 'markdown-it';
import { Slugger } from './slug.mjs';

const FORMATTING = /^<(\/?)(b|i|em|strong|kbd|sub|sup|code)\s*>$|^<(br)\s*\/?>$/i;
const CALLOUT = /\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]/g;
// DocFX syntax the indexer drops too: `:::image …:::`, `[!INCLUDE [x](y)]`.
const DOCFX = /:::[a-z][\s\S]*?:::|\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]/g;

/**
 * @param {(href: string) => string | null} link where a link goes, or null to drop it
 */
export function createRenderer(link) {
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

  // Heading ids, assigned in page order exactly as the indexer does: `{#id}` wins, else a
  // GitHub slug of the heading's text (inline code included, image text and tags not).
  md.core.ruler.push('heading_ids', (state) => {
    const slugs = new Slugger();
    const headings = [];
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[i + 1];
      const last = inline.children.at(-1);
      const explicit = last?.type === 'text' && /\s*\{#([^}\s]+)[^}]*\}\s*$/.exec(last.content);
      if (explicit) last.content = last.content.slice(0, explicit.index);
      const text = plainText(inline.children);
      const id = explicit ? explicit[1] : slugs.slug(text);
      if (explicit) slugs.claim(id);
      token.attrSet('id', id);
      headings.push({ level: Number(token.tag.slice(1)), text, id });
    });
    state.env.headings = headings;
  });

  return {
    /** @returns {{ html: string, headings: {level: number, text: string, id: string}[] }} */
    render(markdown) {
      const env = {};
      const html = md.render(markdown.replace(DOCFX, ''), env);
      return { html, headings: env.headings };
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
