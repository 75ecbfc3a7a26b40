/**
 * docs/sources.md, written from the source catalogue (src/policy/source-catalogue.ts) so the
 * document and the report cannot disagree: `npm run docs:sources` rewrites it, and a test fails
 * when the committed file differs.
 */
import { SOURCE_DOCS, SOURCE_KINDS, sourceUrls, type SourceDoc, type SourceKind } from '../policy/index.js';

const HEADINGS: Readonly<Record<SourceKind, string>> = {
  seed: 'Seed documents',
  meta: 'Meta’s developer documentation',
  other: 'Other sources',
};

const INTRO: Readonly<Record<SourceKind, string>> = {
  seed: 'Copies of web pages kept with the project (`../shared/seeds/`, not in this repository). Parameters cite them by file name; the report names them by number and publisher and lists them under “Sources”. The addresses of seeds 000–003 were found by matching each copy’s text to the published page; seed 004’s copy carries its publication dates but not its address.',
  meta: 'Pages of the WhatsApp Business Platform documentation the profiles and the code cite (src/policy/sources.ts, src/model/webhooks.ts). They are living pages without dates; a parameter labelled `documented` rests on one of them.',
  other: 'What parameters cite that is not a document of its own.',
};

function entry(doc: SourceDoc): string {
  const urls = sourceUrls(doc);
  const lines = [
    `### ${doc.cite} — ${doc.title}`,
    '',
    ...(doc.file ? [`- File: \`${doc.file}\``] : []),
    `- Publisher: ${doc.publisher}`,
    `- Date: ${doc.date}`,
    urls.length ? `- URL: ${urls.map((u) => `<${u}>`).join(', ')}` : '- URL: not recorded',
    `- Standing: ${doc.standing}`,
    `- What wabasim takes from it: ${doc.takes}`,
  ];
  return lines.join('\n');
}

/**
 * The text of docs/sources.md: every source, grouped by kind, each with title, publisher, date,
 * URL where known, how sure it is taken to be and what wabasim takes from it.
 * @example sourcesMarkdown().startsWith('# Sources') // true
 */
export function sourcesMarkdown(): string {
  const parts = [
    '# Sources',
    '',
    'Every source the policy profiles and the model cite, with what wabasim takes from it. This file is written from `src/policy/source-catalogue.ts` by `npm run docs:sources`; edit the catalogue, not this file. The HTML report lists, under “Sources”, the entries it cites, and links each parameter’s source to its entry.',
    '',
    ...SOURCE_KINDS.flatMap((kind) => [`## ${HEADINGS[kind]}`, '', INTRO[kind], '', ...SOURCE_DOCS.filter((d) => d.kind === kind).flatMap((d) => [entry(d), ''])]),
  ];
  return `${parts.join('\n').trimEnd()}\n`;
}
