/**
 * vega-lite spec → SVG string, in Node, with no browser: compile with vega-lite, parse and render
 * with vega's headless 'none' renderer. The SVG is made safe to inline several times in one page:
 * element ids (clip paths, gradients) are prefixed per chart, and the XML namespace attributes
 * (unneeded inside HTML) are dropped so the page holds no URL but those in the source texts.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedSvg {
  readonly svg: string;
  /** Warnings vega-lite or vega logged while compiling and rendering (tests require none). */
  readonly warnings: readonly string[];
}

/**
 * Renders `spec` to an SVG string whose ids all start with `idPrefix`.
 * Why: the report inlines every chart; vega numbers its clip-path ids with a process-wide
 * counter, so ids are reset before and prefixed after each render to stay unique and
 * deterministic.
 * @throws {Error} when vega-lite or vega rejects the spec (a bug in a chart function)
 * @example const { svg } = await renderSvg(spec, 'chart-1'); svg.startsWith('<svg') // true
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method: string, _level: string, input: unknown[]) => {
    if (method !== 'error') warnings.push(input.map(String).join(' '));
    else throw new Error(input.map(String).join(' '));
  });
  const compiled = compile(spec, { logger }).spec;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return { svg: scopeSvg(svg, idPrefix), warnings };
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
