/**
 * Number formatting, the two ways wabasim prints a number. They differ on purpose and each keeps
 * the output its readers (and recorded reports) already have:
 * - `formatNumberRounded` for the HTML report: rounded by magnitude, typographic signs, written by
 *   hand so a report is byte-identical whatever the machine's ICU data;
 * - `formatNumberPlain` for terminal tables: every digit of a count, ASCII signs, through
 *   `toLocaleString('en-US')`.
 */

/**
 * Formats `n` rounded for reading at a glance: thousands separators, decimals by magnitude (none
 * at 100 and above, one from 10, two from 1, two significant digits below 1), `−` (U+2212) for
 * negatives, `∞` for infinities, `–` for NaN.
 * Why: the report's KPI and enforcement cells must read at a glance and be identical on every
 * machine. Cost O(digits).
 * @example formatNumberRounded(119470.6) // '119,471'
 * @example formatNumberRounded(3.14159) // '3.14'
 * @example formatNumberRounded(-2.5) // '−2.5'
 */
export function formatNumberRounded(n: number): string {
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
 * Formats `n` for a terminal table: integers in full with thousands separators, other numbers to
 * one decimal (four below 1), ASCII `-`; `Infinity` and `NaN` as JavaScript prints them.
 * Why: the CLI summary shows means across seeds, where the tenths of a count matter and a
 * terminal may not render typographic signs.
 * @example formatNumberPlain(119462.4) // '119,462.4'
 * @example formatNumberPlain(0.00456) // '0.0046'
 * @example formatNumberPlain(Infinity) // 'Infinity'
 */
export function formatNumberPlain(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 1 ? 4 : 1 });
}
