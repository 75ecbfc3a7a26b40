/**
 * vega-lite spec → SVG string, in Node, with no browser: compile with vega-lite, parse and render
 * with vega's headless 'none' renderer, text measured with Helvetica's metrics (text-width.ts;
 * vega's own guess without a canvas overstates long titles by up to half). The SVG is made safe
 * to inline several times in one page: element ids (clip paths, gradients) are prefixed per
 * chart, and the XML namespace attributes (unneeded inside HTML) are dropped so the page holds no
 * URL but those in the source texts. Given a width, the SVG is drawn exactly that wide, so every
 * chart of a page shares one scale.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { vegaTextWidth } from './text-width.js';

/** vega's text-measure hook: exported at run time, missing from vega's type definitions. */
const textMetrics = (vega as unknown as { readonly textMetrics: { width: typeof vegaTextWidth } }).textMetrics;

export interface RenderedSvg {
  readonly svg: string;
  /** Width of what vega drew, in pixels (the SVG itself is `width` wide when one was asked for). */
  readonly contentWidth: number;
  /** Warnings vega-lite or vega logged while compiling and rendering (tests require none). */
  readonly warnings: readonly string[];
}

/**
 * Renders `spec` to an SVG string whose ids all start with `idPrefix`; with `width`, an SVG
 * exactly `width` pixels wide (the chart at its left, white to its right), and a warning when
 * the chart is wider than that.
 * Why: the report inlines every chart; vega numbers its clip-path ids with a process-wide
 * counter, so ids are reset before and prefixed after each render to stay unique and
 * deterministic. A page scales each SVG to its column: SVGs of one width share one scale.
 * @throws {Error} when vega-lite or vega rejects the spec (a bug in a chart function)
 * @example const { svg } = await renderSvg(spec, 'chart-1', 900); svg.startsWith('<svg version="1.1" class="marks" width="900"') // true
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string, width?: number): Promise<RenderedSvg> {
  const warnings: string[] = [];
  // vega's text-measure hook, process-wide: set on every render so nothing else can leave another in place
  textMetrics.width = vegaTextWidth;
  const logger = vega.logger(vega.Warn, undefined, (method: string, _level: string, input: unknown[]) => {
    if (method !== 'error') warnings.push(input.map(String).join(' '));
    else throw new Error(input.map(String).join(' '));
  });
  const compiled = compile(spec, { logger }).spec;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger, logLevel: vega.Warn });
  try {
    const drawn = await view.toSVG();
    const contentWidth = svgWidth(drawn);
    if (width !== undefined && contentWidth > width) warnings.push(`chart ${idPrefix} is ${contentWidth} px wide, wider than the ${width} px every chart is drawn at`);
    const svg = width === undefined || contentWidth > width ? drawn : widenSvg(drawn, width);
    return { svg: scopeSvg(svg, idPrefix), contentWidth, warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Prefixes every id and id reference in `svg` with `prefix`, and drops xmlns attributes.
 * @example scopeSvg('<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'c')
 * // '<svg><clipPath id="c-clip1"/><g clip-path="url(#c-clip1)"/></svg>'
 */
export function scopeSvg(svg: string, prefix: string): string {
  return svg
    .replace(/ xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** The width attribute of an SVG's root element (0 when absent). */
function svgWidth(svg: string): number {
  const m = /^<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  return m ? Number(m[1]) : 0;
}

/**
 * `svg` (as vega writes it: a root element with width, height and viewBox, then a background
 * rect) made `width` pixels wide: the drawing keeps its size and place, the canvas grows to the right.
 * @example widenSvg('<svg width="10" height="5" viewBox="0 0 10 5"><rect width="10" height="5" fill="white"/></svg>', 20)
 * // '<svg width="20" height="5" viewBox="0 0 20 5"><rect width="20" height="5" fill="white"/></svg>'
 */
export function widenSvg(svg: string, width: number): string {
  return svg
    .replace(/^(<svg[^>]*?\swidth=")[\d.]+("[^>]*?\sviewBox="0 0 )[\d.]+/, `$1${width}$2${width}`)
    .replace(/^(<svg[^>]*>)<rect width="[\d.]+"/, `$1<rect width="${width}"`);
}
