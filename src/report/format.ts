/**
 * Text helpers for the HTML report: escaping and number formatting. Hand-written rather than
 * `toLocaleString` so the report is byte-identical whatever the machine's ICU data.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `text` for HTML text and attribute values.
 * Why: every string in the report comes from a user's scenario or results file.
 * @example escapeHtml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Formats `n` for a table: thousands separators, decimals by magnitude (none at 100 and
 * above, one from 10, two from 1, two significant digits below 1), `−` for negatives, `∞` for
 * infinities, `–` for NaN.
 * Why: KPI cells must read at a glance and be identical on every machine.
 * @example formatNumber(119470.6) // '119,471'
 * @example formatNumber(3.14159) // '3.14'
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '–';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  const abs = Math.abs(n);
  const decimals = Number.isInteger(n) || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(8, 1 - Math.floor(Math.log10(abs)));
  const fixed = abs.toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac === undefined || /^0+$/.test(frac) ? grouped : `${grouped}.${frac.replace(/0+$/, '')}`;
  return n < 0 && body !== '0' ? `−${body}` : body;
}

/**
 * A short, readable rendering of a parameter value (numbers formatted, objects as compact JSON).
 * Why: parameter values range from numbers to tier tables and sampling distributions.
 * @example formatValue(0.02) // '0.02'
 * @example formatValue({ uniform: [1, 2] }) // '{"uniform":[1,2]}'
 * @example formatValue('') // '(empty)'
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) || Math.abs(value) >= 1e-3 ? String(value) : value.toExponential();
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (value === undefined) return '—';
  return JSON.stringify(value) ?? String(value);
}
