// Summary statistics and formatting for the benchmark tables.

/** Nearest-rank percentile (p in 0..100) of a list of numbers. With fewer than 100 samples p99 is the maximum. */
export function percentile(values, p) {
  if (!values || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function median(values) {
  if (!values || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(values) {
  if (!values || values.length === 0) return undefined;
  return { p50: median(values), p99: percentile(values, 99), n: values.length };
}

/** Milliseconds with sensible precision: 0.012 ms, 1.23 ms, 45.6 ms, 1234 ms. */
export function ms(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (value < 0.1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** "p50 / p99 (n)" for a list of samples. */
export function dist(values) {
  const s = summary(values);
  return s ? `${ms(s.p50)} / ${ms(s.p99)} (${s.n})` : 'n/a';
}

export function bytes(n) {
  if (n === undefined || n === null) return 'n/a';
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(2)} MB`;
}

/** A Markdown table. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "0.42× (2.4× faster)" for ours/theirs, or n/a. */
export function ratio(ours, theirs) {
  if (!(ours > 0) || !(theirs > 0)) return 'n/a';
  const r = ours / theirs;
  const shown = r < 0.1 ? r.toPrecision(2) : r.toFixed(2);
  return r <= 1 ? `${shown}× (${(1 / r).toFixed(1)}× faster)` : `${shown}× (${r.toFixed(1)}× slower)`;
}
