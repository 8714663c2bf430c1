// A small SVG writer for horizontal grouped bar charts: one group per engine,
// one bar per series. Missing values (null) are drawn as "n/a".

const COLORS = ['#3b6fb6', '#e08a2c', '#4a9a5b', '#b6493b', '#7d5ba6'];
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12"';
const LABEL_W = 120;
const PLOT_W = 480;
const VALUE_W = 90;
const BAR_H = 13;
const GAP = 10;
const TOP = 48;

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceStep(max) {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
}

/** Maps values to x offsets in [0, PLOT_W] and lists the axis ticks. */
function makeScale(values, log) {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  const max = Math.max(...finite, log ? 1 : 0);
  if (log) {
    const lo = 10 ** Math.floor(Math.log10(Math.min(...finite, max)));
    const hi = 10 ** Math.ceil(Math.log10(max));
    const span = Math.log10(hi) - Math.log10(lo) || 1;
    const ticks = [];
    for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(t);
    return { x: (v) => ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / span) * PLOT_W, ticks };
  }
  const step = niceStep(max || 1);
  const hi = Math.ceil((max || 1) / step) * step;
  const ticks = [];
  for (let t = 0; t <= hi + step / 1e6; t += step) ticks.push(t);
  return { x: (v) => (v / hi) * PLOT_W, ticks };
}

/**
 * `categories`: group labels; `series`: [{name, values}] with one value per
 * category; `format(v)` renders values and tick labels.
 */
export function barChart({ title, categories, series, log = false, format = String, note = '' }) {
  const scale = makeScale(series.flatMap((s) => s.values), log);
  const groupH = series.length * BAR_H + GAP;
  const height = TOP + categories.length * groupH + 36;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="600">${escape(title)}</text>`,
  ];
  series.forEach((s, i) => {
    const x = LABEL_W + i * 130;
    out.push(`<rect x="${x}" y="28" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${x + 14}" y="37">${escape(s.name)}</text>`);
  });
  const plotBottom = TOP + categories.length * groupH;
  for (const t of scale.ticks) {
    const x = LABEL_W + scale.x(t);
    out.push(`<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${plotBottom}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${plotBottom + 14}" text-anchor="middle" fill="#555">${escape(format(t))}</text>`);
  }
  categories.forEach((category, c) => {
    const y0 = TOP + c * groupH;
    out.push(`<text x="${LABEL_W - 8}" y="${y0 + (series.length * BAR_H) / 2 + 4}" text-anchor="end">${escape(category)}</text>`);
    series.forEach((s, i) => {
      const v = s.values[c];
      const y = y0 + i * BAR_H;
      if (!Number.isFinite(v)) {
        out.push(`<text x="${LABEL_W + 4}" y="${y + BAR_H - 3}" fill="#888">n/a</text>`);
        return;
      }
      const w = Math.max(1, scale.x(v));
      out.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H - 2}" fill="${COLORS[i % COLORS.length]}"/>`);
      out.push(`<text x="${(LABEL_W + w + 4).toFixed(1)}" y="${y + BAR_H - 3}">${escape(format(v))}</text>`);
    });
  });
  if (note) out.push(`<text x="8" y="${height - 6}" fill="#555">${escape(note)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
