/**
 * Sources in the report: the citations in parameter sources (seed files a reader does not have,
 * Meta URLs, MODEL.md) become links to a list at the end of the page, and that list gives each
 * source the report cites its title, publisher, date, address and what wabasim takes from it
 * (src/policy/source-catalogue.ts; docs/sources.md holds the same list for every profile).
 * Addresses are text, not links: the report reaches nothing outside itself.
 */
import { SOURCE_DOCS, sourceDocOf, sourceUrls, type SourceDoc } from '../../policy/index.js';
import { escapeHtml } from '../format.js';
import type { ReportData } from '../report-data.js';

/** The parts of a rendered chart the sources are read from (html/page.ts PageChart). */
type ChartText = { readonly kind: 'chart'; readonly caption: string; readonly svg: string } | { readonly kind: 'skipped'; readonly reason: string };

/** A citation inside a source text: a seed file, a URL, MODEL.md, a seed by number, BSPs, or a wabasim assumption. */
const CITATION = /seeds\/\d{3}_[0-9a-f]+\.txt|https?:\/\/[^\s;()<>"]+|MODEL\.md|\bseed 00\d\b|\bBSPs?\b|wabasim assumption/g;

/**
 * The sources of one parameter, split at semicolons outside parentheses (a note in parentheses
 * may hold a semicolon of its own).
 * @example splitSources('seeds/002_x.txt (45 in a burst; after 20, ~2 min); reported errors') // ['seeds/002_x.txt (45 in a burst; after 20, ~2 min)', 'reported errors']
 */
export function splitSources(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(source.slice(start).trim());
  return out.filter(Boolean);
}

/** The entry a citation found by CITATION names ("seed 003" included). */
function docOf(citation: string): SourceDoc | undefined {
  return /^seed 00\d$/.test(citation) ? SOURCE_DOCS.find((d) => d.cite === citation) : sourceDocOf(citation);
}

/** How a link to `doc` reads: "seed 003 (Whapi.Cloud)", "Meta: Throughput", "MODEL.md". */
function linkText(doc: SourceDoc): string {
  return doc.kind === 'seed' ? `${doc.cite} (${doc.by})` : doc.cite;
}

/**
 * `text` as HTML with each citation of a known source replaced by a link to its entry in the
 * report's list of sources.
 * Why: "seeds/003_bb4d35adda67ac79.txt" names a file the reader does not have.
 * @example linkCitations('seeds/003_bb4d35adda67ac79.txt (safe < 30/hour)') // '<a class="cite" href="#src-seed-003">seed 003 (Whapi.Cloud)</a> (safe &lt; 30/hour)'
 */
export function linkCitations(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CITATION)) {
    const doc = docOf(m[0]);
    if (!doc) continue;
    out += `${escapeHtml(text.slice(last, m.index))}<a class="cite" href="#src-${doc.id}">${escapeHtml(linkText(doc))}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * The entries `texts` cite, in catalogue order: by seed file, URL, MODEL.md, "seed 00N", "BSP"
 * or "wabasim assumption".
 * @example citedDocs(['seeds/003_bb4d35adda67ac79.txt']).map((d) => d.id) // ['seed-003']
 */
export function citedDocs(texts: readonly string[]): SourceDoc[] {
  const ids = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(CITATION)) {
      const doc = docOf(m[0]);
      if (doc) ids.add(doc.id);
    }
    for (const part of splitSources(text)) {
      const doc = sourceDocOf(part.replace(/^(value|weights|duration|delay): /, ''));
      if (doc) ids.add(doc.id);
    }
  }
  return SOURCE_DOCS.filter((d) => ids.has(d.id));
}

function entry(doc: SourceDoc): string {
  const urls = sourceUrls(doc);
  const where = urls.length ? urls.map((u) => `<span class="url">${escapeHtml(u)}</span>`).join(' · ') : 'address not recorded';
  const file = doc.file ? ` · cited as <code>${escapeHtml(doc.file)}</code>` : '';
  return `<li id="src-${doc.id}"><p><strong>${escapeHtml(doc.cite)}</strong> — ${escapeHtml(doc.publisher)}: <cite>${escapeHtml(doc.title)}</cite> (${escapeHtml(doc.date)}).<br>${where}${file}</p><p class="takes">Standing: ${escapeHtml(doc.standing)}. What wabasim takes from it: ${escapeHtml(doc.takes)}</p></li>`;
}

/**
 * The "Sources" section: every source this report cites — in its parameters, its charts and the
 * other sections given as `html` (the enforcement table) — with title, publisher, date, address
 * and what wabasim takes from it.
 * Why: the report is one file a reader may get alone; its citations must resolve inside it.
 * @example sourcesSection(data, charts, enforcementSection(data)) // '<section id="sources">…'
 */
export function sourcesSection(data: ReportData, charts: readonly ChartText[], ...html: readonly string[]): string {
  const texts = [...data.results.variants.flatMap((v) => v.parameters.map((p) => p.source)), ...charts.flatMap((c) => (c.kind === 'chart' ? [c.caption, c.svg] : [c.reason])), ...html];
  const docs = citedDocs(texts);
  if (docs.length === 0) return '';
  const intro = '<p>Every source this report cites. Seed files are copies of web pages kept with the wabasim project; a reader without them finds each one here by title, publisher, date and address. Addresses are given as text: the report opens and links to nothing outside itself. The same list for every policy profile is <code>docs/sources.md</code> in the wabasim repository.</p>';
  return `<section id="sources"><h2>Sources</h2>${intro}<ol class="sources">${docs.map(entry).join('')}</ol></section>`;
}
