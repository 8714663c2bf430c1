// Results → DOM. Article text only ever becomes text nodes (matches wrapped in <mark>), and a
// link is made only for http(s) and relative URLs: a result can never inject markup or script.
import { segments } from './highlight.js';

/** Text with its matched ranges in <mark>. */
export function highlighted(text, ranges) {
  const out = document.createDocumentFragment();
  for (const s of segments(text, ranges)) {
    if (!s.match) out.append(s.text);
    else out.append(el('mark', {}, s.text));
  }
  return out;
}

/** Where a result links to, or null for a URL that is not http(s) or relative. */
export function resultHref(url, anchor) {
  let u;
  try {
    u = new URL(url, document.baseURI);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (anchor) u.hash = anchor;
  return u.href;
}

/**
 * Renders results grouped by section, then article, then heading into `list`; returns the
 * options in keyboard order.
 * @param {HTMLElement} list the listbox
 * @param {any[]} results
 * @param {{ other: string }} t
 */
export function renderResults(list, results, t) {
  const groups = new Map();
  for (const r of results) {
    const key = r.section ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const options = [];
  const option = (className, result, anchor, ...content) => {
    const href = resultHref(result.url, anchor);
    // The option is the link itself (a link inside an option would nest interactive elements),
    // so modified clicks (new tab) still work; without a safe href it is a plain element.
    const attributes = { role: 'option', part: 'option', class: className, id: `option-${options.length}`, 'aria-selected': 'false' };
    const o = href ? el('a', { ...attributes, href, tabindex: '-1' }, ...content) : el('div', attributes, ...content);
    options.push({ element: o, href, result, anchor });
    return o;
  };
  const blocks = [...groups].map(([section, articles], g) => {
    const label = el('div', { class: 'group-label', id: `group-${g}`, role: 'presentation' }, section || (groups.size > 1 ? t.other : ''));
    const group = el('div', { role: 'group', 'aria-labelledby': label.id }, label);
    for (const r of articles) {
      const best = r.subResults.find((s) => s.anchor === r.anchor);
      group.append(
        option(
          'article',
          r,
          r.anchor,
          el('span', { class: 'title' }, highlighted(r.title, r.titleHighlights)),
          best ? el('span', { class: 'where' }, best.heading) : '',
          el('span', { class: 'excerpt' }, highlighted(r.excerpt.text, r.excerpt.highlights)),
        ),
      );
      for (const s of r.subResults) {
        if (s === best) continue;
        group.append(
          option(
            'heading',
            r,
            s.anchor,
            el('span', { class: 'title' }, s.heading),
            el('span', { class: 'excerpt' }, highlighted(s.excerpt.text, s.excerpt.highlights)),
          ),
        );
      }
    }
    return group;
  });
  list.replaceChildren(...blocks);
  return options;
}

/** Recent searches, as options that search again, in a group labelled by `labelId`. */
export function renderRecent(list, queries, labelId) {
  const options = queries.map((query, i) => ({
    element: el('div', { role: 'option', part: 'option', class: 'recent', id: `option-${i}`, 'aria-selected': 'false' }, el('span', { class: 'title' }, query)),
    query,
  }));
  list.replaceChildren(el('div', { role: 'group', 'aria-labelledby': labelId }, ...options.map((o) => o.element)));
  return options;
}

/**
 * An element with attributes and children (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/**
 * An SVG element, made as `el` makes HTML ones.
 * @param {string} tag
 * @param {Record<string, string>} attributes
 * @param {Node[]} children
 * @returns {SVGElement}
 */
export function svg(tag, attributes, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

/**
 * @template {Element} E
 * @param {E} e
 * @param {Record<string, string>} attributes
 * @param {(Node | string)[]} children
 * @returns {E}
 */
function fill(e, attributes, children) {
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
