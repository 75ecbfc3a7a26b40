import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HiddenParameterPosterior, HiddenPosterior } from '../../src/calibrate/hidden-types.js';
import { withHiddenRates } from '../../src/calibrate/scenario.js';

const param = (name: string, identified: boolean, lo95: number, median: number, hi95: number): HiddenParameterPosterior => ({
  name, prior: { min: 0.0005, max: 0.1, scale: 'log' }, identified, mean: median, median, lo95, hi95, samples: [], why: `${name} why`,
});
const posterior = (...parameters: HiddenParameterPosterior[]): HiddenPosterior => ({ method: 'SMC-ABC', simulations: 10, accepted: 3, parameters, summaries: [] });
const fragment = (): Record<string, unknown> => ({ $comment: ['from the log', 'Not calibrated here (no webhook shows them): …'], audience: { segments: [{ id: 'a', size: 10 }, { id: 'b', size: 20 }] } });

test('an identified block rate is written into every segment as a triangular over its 95% band, with where it came from', () => {
  const out = withHiddenRates(fragment(), posterior(param('blockProbability', true, 0.004, 0.006, 0.009)));
  const segments = (out.audience as { segments: Record<string, unknown>[] }).segments;
  for (const s of segments) assert.equal(s.blockProbability, { triangular: [0.004, 0.006, 0.009] });
  const comment = out.$comment as string[];
  assert.ok(comment.some((l) => l.startsWith('blockProbability: written to every segment') && l.includes('blockProbability why')));
  assert.not.ok(comment.some((l) => l.startsWith('Not calibrated here')));
});

test('a bound only is written as a uniform over the band; a rate the log cannot tell apart is left as it was and said so', () => {
  const out = withHiddenRates(fragment(), posterior(param('blockProbability', false, 0.0005, 0.001, 0.003), param('reportProbability', false, 0.0006, 0.01, 0.09)));
  const s = (out.audience as { segments: Record<string, unknown>[] }).segments[0];
  assert.equal(s.blockProbability, { uniform: [0.0005, 0.003] });
  assert.is(s.reportProbability, undefined);
  assert.ok((out.$comment as string[]).some((l) => l.startsWith('reportProbability: left as it was')));
});

test('a complete scenario gets the notes in its description (a scenario has no $comment)', () => {
  const out = withHiddenRates({ description: 'base', audience: { segments: [{ id: 'a', size: 1 }] } }, posterior(param('blockProbability', true, 0.004, 0.006, 0.009)));
  assert.match(out.description as string, /^base blockProbability: written to every segment/);
});

test.run();
