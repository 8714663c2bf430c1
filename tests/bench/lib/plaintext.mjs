// Markdown -> plain text, the one conversion every engine's input goes through,
// so no engine wins or loses on markup handling. Code stays (users search for
// cmdlets and config keys), only the fence markers go; link targets, HTML tags,
// DocFX/Hugo directives and Markdown punctuation are removed.

const FENCE = /^\s*(```|~~~)/;
const COMMENT = /<!--[\s\S]*?-->/g;
// Whole-line constructs that carry no prose.
const DROP_LINE = [
  /^\s*\[[^\]]+\]:\s*\S+.*$/, // link reference definition
  /^\s*:::.*$/, // DocFX block directive (:::image ...:::, :::moniker ...)
  /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/, // table separator row
  /^\s*([-*_]\s*){3,}$/, // horizontal rule
];
// Inline rewrites, applied in order: [pattern, replacement, a character the
// line must contain for the pattern to match (a cheap test that skips most
// regexes on most lines)].
const INLINE = [
  [/^\s*(>\s?)+/, '', '>'], // blockquote marker (first: it can wrap the others)
  [/^\s{0,3}#{1,6}\s+/, '', '#'], // heading marker
  [/\s+#+\s*$/, '', '#'], // closing heading hashes
  [/\s*\{#[^}]*\}\s*$/, '', '{'], // heading anchor attribute
  [/^\s*([-*+]|\d+[.)])\s+/, '', null], // list marker
  [/\{\{<[^>]*>\}\}/g, ' ', '{'], // Hugo shortcode
  [/\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]/gi, ' ', '['], // DocFX include
  [/\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|div)[^\]]*\]/gi, ' ', '['], // DocFX alert tag
  [/!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1', '['], // image -> alt text
  [/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1', '['], // link -> its text
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1', '['], // reference link -> its text
  [/<(https?|mailto):[^>]*>/g, ' ', '<'], // autolink
  [/<\/?[A-Za-z][^>]*>/g, ' ', '<'], // HTML / JSX tag
  [/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1', '\\'], // Markdown escape
  [/`+/g, '', '`'], // inline code ticks
  [/\*\*|__|~~|\*/g, '', null], // strong / strike / emphasis
  [/(^|[\s(])_(\S[^_]*?)_(?=[\s).,;:!?]|$)/g, '$1$2', '_'], // _emphasis_ (not snake_case)
  [/\|/g, ' ', '|'], // table cell borders
];
const ENTITIES = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi;

function decodeEntity(match, name) {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[name.toLowerCase()] ?? match;
}

/** Converts one article's Markdown body to plain text, one output line per non-empty source line. */
export function markdownToText(markdown) {
  const out = [];
  let inFence = false;
  for (const line of markdown.replace(COMMENT, ' ').split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    let text = line;
    if (!inFence) {
      if (DROP_LINE.some((re) => re.test(text))) continue;
      for (const [re, to, needs] of INLINE) if (needs === null || text.includes(needs)) text = text.replace(re, to);
    }
    if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
    text = text.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out.join('\n');
}
