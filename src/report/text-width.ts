/**
 * Text widths for laying out charts in Node. vega measures text with a canvas; without one (Node,
 * no native canvas package) it guesses 0.8 × font size per character, so a 125-character subtitle
 * was counted 1,200 px wide where a browser draws it in about 650 — the chart's SVG came out that
 * much wider and was shrunk to fit the page, its text with it. These are the advance widths of
 * Helvetica (Adobe's core-font metrics, in 1/1000 em), the font the charts ask for; Arial, Nimbus
 * Sans and Liberation Sans share them, so a browser draws the text at the width computed here.
 */

/** Helvetica advance widths of the characters ' ' (32) to '~' (126), regular and bold. */
const ASCII_REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
] as const;
const ASCII_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
] as const;

/** Other characters the report's charts use: [regular, bold]. */
const OTHER: Readonly<Record<string, readonly [number, number]>> = {
  '–': [556, 556],
  '—': [1000, 1000],
  '·': [278, 278],
  '’': [222, 278],
  '‘': [222, 278],
  '“': [333, 500],
  '”': [333, 500],
  '…': [1000, 1000],
  '§': [556, 556],
  '×': [584, 584],
  '°': [400, 400],
  '±': [584, 584],
  '≥': [549, 549],
  '≤': [549, 549],
  '→': [1000, 1000],
  '•': [350, 350],
  '\u00a0': [278, 278],
};

/** Anything else: an average lower-case letter, or a full em for wide scripts (CJK and beyond). */
const DEFAULT_WIDTH = 556;
const WIDE_FROM = 0x2e80;

/** Width of one character in 1/1000 em. */
function advance(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return (bold ? ASCII_BOLD : ASCII_REGULAR)[code - 32];
  const other = OTHER[ch];
  if (other) return other[bold ? 1 : 0];
  return code >= WIDE_FROM ? 1000 : DEFAULT_WIDTH;
}

/**
 * Whether a CSS/vega font weight draws the bold face (600 and above: the Helvetica family has
 * regular and bold only, and a browser draws 600 bold).
 * @example isBold(600) // true
 * @example isBold('normal') // false
 */
export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  if (typeof weight !== 'string') return false;
  return weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
}

/**
 * Width in pixels of `text` set in Helvetica at `fontSize` pixels.
 * Why: chart layout in Node (vega's text measure) and chart functions that size a panel to its
 * labels need the width a browser will draw.
 * Cost: linear in the length of `text`.
 * @example textWidth('Day of the simulation', 12) // 112.044
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch, bold);
  return (units * fontSize) / 1000;
}

/** The part of a vega text item the measure reads. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/**
 * vega's text-measure hook (`vega.textMetrics.width`): the width of `text` in `item`'s font size
 * and weight, at most the item's `limit` (vega then truncates the text with an ellipsis, so the
 * drawn text is no wider than the limit; vega's own search for the cut point reads this too).
 * @example vegaTextWidth({ fontSize: 12 }, 'Day') // 21.336
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const line = text === null || text === undefined ? '' : String(text).trim();
  const size = item.fontSize === undefined || item.fontSize === null ? 11 : Number(item.fontSize) || 0;
  const width = textWidth(line, size, isBold(item.fontWeight));
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}
