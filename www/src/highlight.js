/**
 * Splits `text` at highlight ranges (flat UTF-16 `[start, end, …]`, as results carry them)
 * into `{ text, match }` pieces, for rendering with text nodes or a framework's elements.
 * @param {string} text
 * @param {ArrayLike<number>} ranges
 */
export function segments(text, ranges) {
  const out = [];
  let at = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const start = Math.max(ranges[i], at);
    const end = Math.min(ranges[i + 1], text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
