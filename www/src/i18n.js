// The words of the search box, in English and Chinese (the other elements keep theirs, so the
// box's bundle does not carry them). The language follows the element's own `lang`, else the
// nearest `lang` above it, else `<html lang>`.

const EN = {
  button: 'Search',
  label: 'Search the help center',
  placeholder: 'Search the help center',
  results: 'Search results',
  start: 'Type to search articles.',
  recent: 'Recent searches',
  clear: 'Clear',
  loading: 'Loading search…',
  empty: (q) => `No results for “${q}”. Check the spelling or try fewer words.`,
  error: 'Search is unavailable right now.',
  count: (n) => (n === 1 ? '1 result' : `${n} results`),
  other: 'Other',
  navigate: 'to navigate',
  select: 'to open',
  close: 'to close',
  closeButton: 'Close search',
};

const ZH = {
  button: '搜索',
  label: '搜索帮助中心',
  placeholder: '搜索帮助中心',
  results: '搜索结果',
  start: '输入关键词搜索文章。',
  recent: '最近搜索',
  clear: '清除',
  loading: '正在加载搜索…',
  empty: (q) => `没有找到与“${q}”相关的结果。请检查拼写或减少关键词。`,
  error: '搜索暂时不可用。',
  count: (n) => `${n} 条结果`,
  other: '其他',
  navigate: '切换',
  select: '打开',
  close: '关闭',
  closeButton: '关闭搜索',
};

/**
 * `en` or `zh` as `element`'s language says.
 * @template T
 * @param {Element} element  @param {T} en  @param {T} zh
 * @returns {T}
 */
export function inLanguage(element, en, zh) {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '';
  return /^zh\b/i.test(lang) ? zh : en;
}

/** The search box's words. @param {Element} element */
export const strings = (element) => inLanguage(element, EN, ZH);
