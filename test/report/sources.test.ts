import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listParams, PROFILE_IDS, PROFILES, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, SOURCE_DOCS, sourceDocOf, sourceUrls } from '../../src/policy/index.js';
import { renderReport, sourcesMarkdown } from '../../src/report/index.js';
import { citedDocs, linkCitations, splitSources } from '../../src/report/html/sources.js';
import { syntheticResults } from './fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');
const SEED_FILE = /seeds\/\d{3}_[0-9a-f]+\.txt/g;
const META_URL = /https?:\/\/(?:developers\.facebook\.com|www\.whatsapp\.com)[^\s;()<>"'`,]*/g;

/** Every parameter source of every profile. */
const SOURCES = PROFILE_IDS.flatMap((id) => listParams(PROFILES[id]).map(({ path, def }) => ({ where: `${id} ${path}`, source: def.source })));

test('every seed file and URL a profile parameter cites has an entry in docs/sources.md', () => {
  for (const { where, source } of SOURCES) {
    for (const [file] of source.matchAll(SEED_FILE)) assert.ok(DOC.includes(`\`${file}\``), `${where}: ${file}`);
    for (const [url] of source.matchAll(META_URL)) assert.ok(DOC.includes(`<${url}>`), `${where}: ${url}`);
    if (source.includes('MODEL.md')) assert.match(DOC, '### MODEL.md', where);
  }
});

test('every cited source of every parameter resolves to a catalogue entry, whatever its wording', () => {
  const unresolved = SOURCES.flatMap(({ where, source }) =>
    splitSources(source)
      .map((part) => part.replace(/^(value|weights|duration|delay): /, ''))
      // notes that cite nothing (a range, what the counter does not disclose) are not sources
      .filter((part) => /seeds\/|https?:|MODEL\.md|BSP|wabasim assumption/.test(part) && !sourceDocOf(part))
      .map((part) => `${where}: ${part}`),
  );
  assert.equal(unresolved, []);
});

test('every seed file has an entry, with a title, publisher and date', () => {
  const seeds = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];
  const dir = join(ROOT, '..', 'shared', 'seeds');
  if (existsSync(dir)) for (const f of readdirSync(dir)) assert.ok(seeds.includes(`seeds/${f}`), `seed file ${f} has a constant in src/policy/sources.ts`);
  for (const file of seeds) {
    const doc = SOURCE_DOCS.find((d) => d.file === file);
    assert.ok(doc && doc.title && doc.publisher && doc.date, file);
    assert.ok(DOC.includes(`\`${file}\``), file);
  }
});

test('every Meta URL the code cites, in src/policy/sources.ts or a comment, has an entry in docs/sources.md', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
  const urls = new Set<string>();
  for (const file of files(join(ROOT, 'src'))) {
    // src/policy/sources.ts builds its page URLs on a base (const META), which cites nothing itself
    const text = readFileSync(file, 'utf8').replace(/const META = '[^']*';/, '').replace(/\$\{META\}/g, 'https://developers.facebook.com/documentation/business-messaging/whatsapp');
    for (const [url] of text.matchAll(META_URL)) urls.add(url);
  }
  assert.ok(urls.size >= 15, `found ${urls.size}`);
  const listed = SOURCE_DOCS.flatMap(sourceUrls);
  assert.equal([...urls].filter((u) => !listed.includes(u) && !listed.includes(u.replace(/[.]$/, ''))), []);
  for (const url of listed) assert.ok(DOC.includes(`<${url}>`), url);
});

test('docs/sources.md is written from the catalogue (npm run docs:sources)', () => {
  assert.ok(DOC === sourcesMarkdown(), 'docs/sources.md differs from sourcesMarkdown(): run npm run docs:sources');
});

test('a parameter source splits at semicolons outside parentheses, and its citations become links', () => {
  assert.equal(splitSources('seeds/002_283dc3874d8ce749.txt (45 in a burst; after 20, ~2 min); reported errors at 10–30/min'), ['seeds/002_283dc3874d8ce749.txt (45 in a burst; after 20, ~2 min)', 'reported errors at 10–30/min']);
  assert.is(linkCitations('seeds/003_bb4d35adda67ac79.txt (safe < 30/hour)'), '<a class="cite" href="#src-seed-003">seed 003 (Whapi.Cloud)</a> (safe &lt; 30/hour)');
  assert.is(
    linkCitations('https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits#upcoming-changes-to-messaging-limits; value: MODEL.md §10, above seed 003’s line'),
    '<a class="cite" href="#src-meta-limit-changes">Meta: Upcoming changes to messaging limits</a>; value: <a class="cite" href="#src-model-md">MODEL.md</a> §10, above <a class="cite" href="#src-seed-003">seed 003 (Whapi.Cloud)</a>’s line',
  );
  assert.is(linkCitations('an unknown https://example.org page'), 'an unknown https://example.org page');
  assert.equal(citedDocs(['BSP (caps per user per 24 h); seeds/000_ac09f1fd974468da.txt', 'value: wabasim assumption (no published figure)']).map((d) => d.id), ['seed-000', 'bsp-reports', 'wabasim-assumption']);
});

test('the report names no seed file outside its list of sources, and every citation link has its entry', async () => {
  const html = await renderReport(syntheticResults());
  const sources = html.slice(html.indexOf('<section id="sources">'), html.indexOf('</section>', html.indexOf('<section id="sources">')));
  assert.ok(sources.length > 100, 'a Sources section');
  const outside = html.replace(sources, '');
  assert.not.match(outside, /seeds\/\d{3}_[0-9a-f]+\.txt/);
  const targets = new Set([...html.matchAll(/\sid="(src-[^"]+)"/g)].map((m) => m[1]));
  const links = [...html.matchAll(/href="#(src-[^"]+)"/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  assert.equal(links.filter((l) => !targets.has(l)), []);
  // the fixture cites MODEL.md nowhere but seeds 000 and 003 in the enforcement table and charts
  assert.ok(targets.has('src-seed-003') && targets.has('src-seed-000'));
  assert.match(sources, '<span class="url">https://whapi.cloud/blog/how-to-avoid-whatsapp-ban-2026</span>');
});

test.run();
