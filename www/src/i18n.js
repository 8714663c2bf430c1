// The words of the search box and the feedback element, in English and Chinese. The language follows the element's own
// `lang`, else the nearest `lang` above it, else `<html lang>`.

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
  feedback: {
    question: 'Was this article helpful?',
    yes: 'Yes',
    no: 'No',
    why: 'What was wrong? (optional)',
    reasons: { inaccurate: 'It is wrong or out of date', unclear: 'It is hard to understand', incomplete: 'Something is missing', unsolved: 'It did not solve my problem' },
    send: 'Send',
    thanks: 'Thank you for your feedback.',
  },
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
  feedback: {
    question: '这篇文章有帮助吗？',
    yes: '有帮助',
    no: '没有帮助',
    why: '哪里有问题？（可选）',
    reasons: { inaccurate: '内容有误或已过时', unclear: '不容易看懂', incomplete: '缺少内容', unsolved: '没有解决我的问题' },
    send: '提交',
    thanks: '感谢您的反馈。',
  },
};

/** @param {Element} element */
export function strings(element) {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '';
  return /^zh\b/i.test(lang) ? ZH : EN;
}
