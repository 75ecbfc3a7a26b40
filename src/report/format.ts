/**
 * Text helpers for the HTML report: escaping and parameter values. Numbers in the report go
 * through `formatNumberRounded` (src/format/number.ts), shared with the CLI.
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
