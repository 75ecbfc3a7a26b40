import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NumberSummary, RunResult } from '../../src/run/results.js';
import { channelList, indicatorExposure, trustChannels } from '../../src/report/trust-standing.js';

function run(numbers: Record<string, NumberSummary> | undefined): RunResult {
  return { variant: 'v', strategy: 's', seed: 1, events: 0, series: {}, summary: { numbers } as unknown as RunResult['summary'] };
}
const n = (channel: string, trustScoreActs: boolean, hoursOverRestrictScore: number): NumberSummary => ({ channel, trustScoreActs, trustScorePeak: 3, hoursOverRestrictScore });

test('the channels where the trust score acts and where it only reports, in the profile order', () => {
  assert.equal(trustChannels([run({ a: n('web-session', true, 5), b: n('cloud-api', false, 0) }), run({ c: n('coexistence', true, 0) })]), { known: true, acts: ['coexistence', 'web-session'], indicator: ['cloud-api'] });
  assert.equal(trustChannels([run(undefined)]), { known: false, acts: [], indicator: [] });
});

test('the indicator exposure counts only numbers it does not act on, the longest of them', () => {
  assert.equal(indicatorExposure(run({ a: n('cloud-api', false, 12), b: n('cloud-api', false, 30), c: n('web-session', true, 99) })), { hours: 30, channels: ['cloud-api'] });
  assert.equal(indicatorExposure(run({ a: n('cloud-api', false, 0) })), { hours: 0, channels: [] });
});

test('channels read as a phrase', () => {
  assert.is(channelList(['cloud-api']), 'cloud-api');
  assert.is(channelList(['coexistence', 'web-session']), 'coexistence and web-session');
  assert.is(channelList(['cloud-api', 'coexistence', 'web-session']), 'cloud-api, coexistence and web-session');
});

test.run();
