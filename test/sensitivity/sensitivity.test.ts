/**
 * `runSensitivity` end to end on a tiny scenario (test/fixtures/sensitivity/tiny.json: a verified
 * portfolio whose 2K tier opens after Meta's review, limits.scalingPathReviewHours, an estimate):
 * determinism across worker counts, shards merged equal the whole, a tampered shard refused, the
 * parameter that drives the outcome ranked first, the robustness line, the report section.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, sensitivityMsg, UserInputError } from '../../src/errors/index.js';
import { reportData, renderReport } from '../../src/report/index.js';
import { tornadoSpec } from '../../src/report/charts/tornado.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { runScenario } from '../../src/run/index.js';
import { mergeSensitivityShards, robustnessLine, runSensitivity, shardContentDigest, topParameters, type SensitivityResults, type SensitivityShard } from '../../src/sensitivity/index.js';

const FILE = 'test/fixtures/sensitivity/tiny.json';
const ONLY = ['limits.scalingPathReviewHours', 'quality.halfLifeHours', 'recipients.personalizedBlockMultiplier', 'pacing.threshold'];
const OPTS = { draws: 24, only: ONLY } as const;
const dir = mkdtempSync(join(tmpdir(), 'wabasim-sensitivity-'));
const json = (x: unknown): string => `${JSON.stringify(x, null, 1)}\n`;
/** Asserts that `promise` rejects with an error `check` accepts. */
async function rejects(promise: Promise<unknown>, check: (err: unknown) => boolean): Promise<void> {
  try {
    await promise;
  } catch (err) {
    assert.ok(check(err), String(err));
    return;
  }
  assert.unreachable('expected a rejection');
}

const whole = (await runSensitivity(FILE, { ...OPTS, workers: 0 })).results!;

test('the parameter that truly drives the outcome ranks first: the review after verification decides when TIER_2K opens', () => {
  assert.equal(topParameters(whole, 'base', 'uniqueUsersReached', 1), ['limits.scalingPathReviewHours']);
  const tierAware = whole.variants[0].strategies.find((s) => s.strategy === 'tier-aware')!.outcomes.uniqueUsersReached;
  assert.is(tierAware.screening[0].path, 'limits.scalingPathReviewHours');
  assert.ok(tierAware.screening[0].mu < 0, 'a longer review reaches fewer users');
  assert.ok(tierAware.screening[1].muStar < tierAware.screening[0].muStar / 5, 'the others matter far less');
  assert.is(tierAware.tornado[0].path, 'limits.scalingPathReviewHours');
  assert.ok(tierAware.tornado[0].low > tierAware.tornado[0].high);
});

test('the design and its sizes are recorded, every headline outcome is analysed or named absent', () => {
  assert.equal({ trajectories: whole.settings.trajectories, samples: whole.settings.samples, points: whole.settings.points }, { trajectories: 2, samples: 14, points: 24 });
  assert.is(whole.settings.runs, (3 + 24) * 2);
  assert.equal(whole.parameters.map((p) => p.path), ONLY);
  assert.equal([...whole.outcomes, ...whole.absentOutcomes].sort(), ['delivered', 'failedByCode.131049', 'failedByCode.132015', 'failedByCode.limit_reached', 'restricted', 'uniqueUsersReached']);
});

test('the same command gives the same bytes, with 0 or 2 worker threads', async () => {
  const again = (await runSensitivity(FILE, { ...OPTS, workers: 2 })).results!;
  assert.is(json(again), json(whole));
});

test('shards merged give the bytes of the whole analysis; a tampered shard is refused naming its digest', async () => {
  const files: string[] = [];
  for (const index of [1, 2, 3]) {
    const { shard } = await runSensitivity(FILE, { ...OPTS, workers: 0, shard: { index, count: 3 } });
    const file = join(dir, `sensitivity.shard-${index}-of-3.json`);
    writeFileSync(file, json(shard));
    files.push(file);
  }
  assert.is(json(mergeSensitivityShards([files[2], files[0], files[1]])), json(whole));
  const shard = JSON.parse(readFileSync(files[1], 'utf8')) as SensitivityShard;
  (shard.raw.points[0].variants[0].values[0] as number[])[0] += 1;
  const tampered = join(dir, 'tampered.json');
  writeFileSync(tampered, json(shard));
  try {
    mergeSensitivityShards([files[0], tampered, files[2]]);
    assert.unreachable('a tampered shard must be refused');
  } catch (err) {
    assert.instance(err, UserInputError);
    const actual = shardContentDigest(shard.shard.planDigest, 2, shard.raw);
    assert.equal((err as UserInputError).issues.map(formatIssue), [formatIssue(sensitivityMsg.tampered(tampered, '/shard/digest', 'records', shard.shard.digest, actual))]);
  }
  assert.throws(() => mergeSensitivityShards([files[0], files[2]]), (err: unknown) => err instanceof UserInputError && formatIssue(err.issues[0]) === formatIssue(sensitivityMsg.missingShards(3, [2])));
});

test('the robustness line names the recommendation, the share of draws and the parameters varied', () => {
  const line = robustnessLine(whole, 'base')!;
  const r = whole.variants[0].robustness;
  assert.is(r.recommended, 'tier-aware');
  assert.is(r.draws, 14);
  assert.match(line, /^tier-aware stays best in (all 14 draws|\d+% of 14 draws) over the plausible ranges of 4 estimated or reported parameters/);
  assert.is(robustnessLine(whole, 'no such variant'), undefined);
});

test('the report has the sensitivity section with a tornado per varying outcome when the analysis belongs to the results, and none otherwise', async () => {
  const results = await runScenario(FILE, {});
  const html = await renderReport(results, whole);
  assert.match(html, '<section id="sensitivity">');
  assert.match(html, 'id="tornado-uniqueUsersReached"');
  assert.match(html, robustnessLine(whole, 'base')!.replace(/'/g, '&#39;'));
  assert.not.match(html, '<script');
  const other = await renderReport(await runScenario(FILE, { seeds: 2 }), whole);
  assert.not.match(other, 'id="sensitivity"', 'other seeds: another scenario echo');
  assert.is((await renderReport(results)).includes('id="sensitivity"'), false);
});

test('every tornado spec validates against vega-lite\'s schema and renders without warnings', async () => {
  const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: false, validateFormats: false }).compile(schema);
  const data = reportData(await runScenario(FILE, {}));
  let charted = 0;
  for (const outcome of whole.outcomes) {
    const built = tornadoSpec(whole as SensitivityResults, data, outcome);
    if (built.kind === 'skipped') continue;
    charted++;
    assert.ok(validate(built.spec), `${outcome}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    assert.equal((await renderSvg(built.spec, 't')).warnings, []);
  }
  assert.ok(charted >= 2);
});

test('nothing to vary, an unknown --only and too few seeds for --seeds-per-draw are user errors', async () => {
  await rejects(runSensitivity(FILE, { only: ['quality.nope'] }), (err: unknown) => err instanceof UserInputError && err.issues[0].pointer === '--only');
  await rejects(runSensitivity(FILE, { seedsPerDraw: 4 }), (err: unknown) => err instanceof UserInputError && formatIssue(err.issues[0]) === formatIssue(sensitivityMsg.seedsPerDraw(4, 3)));
});

test.run();
