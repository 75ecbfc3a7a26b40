import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { distance, scales, summarise, SUMMARIES } from '../../../src/calibrate/hidden/summaries.js';
import type { HiddenEvidence } from '../../../src/calibrate/evidence.js';

const base: HiddenEvidence = { delivered: 10_000, deliveredPerDay: [10_000], recipients: 5_000, undeliverable: 100, failed: 150, qualityDowngrades: 0, firstDowngradeDay: null, worstRating: 'GREEN', templatePauses: 0, templateDisables: 0, templateQualityDrops: 0, restrictions: 0, numbers: 1 };
const index = (name: string): number => SUMMARIES.findIndex((s) => s.name.startsWith(name));

test('summaries: the 131026 share of sends, the span for a number never downgraded, ratings ranked', () => {
  const row = summarise({ ...base, worstRating: 'YELLOW' }, 14);
  assert.is(row[index('undeliverable')], 100 / 10_150);
  assert.is(row[index('first downgrade')], 14);
  assert.is(row[index('worst')], 2);
});

test('a summary that barely varies (delivered off by 20 of 10,000) does not outweigh a quality downgrade', () => {
  const rows = [0, 1, 2, 3, 4, 5].map((k) => summarise({ ...base, delivered: 9_980 + k, qualityDowngrades: k % 2 }, 14));
  const scale = scales(rows, 10_150);
  const observed = summarise(base, 14);
  const offByTwenty = distance(summarise({ ...base, delivered: 9_980 }, 14), observed, scale);
  const downgraded = distance(summarise({ ...base, qualityDowngrades: 1, worstRating: 'YELLOW', firstDowngradeDay: 3 }, 14), observed, scale);
  assert.ok(offByTwenty < downgraded, `${offByTwenty} < ${downgraded}`);
});

test('a summary no simulation varies is left out of the distance', () => {
  const rows = [1, 2, 3].map((k) => summarise({ ...base, undeliverable: 100 * k }, 14));
  const scale = scales(rows, 10_150);
  assert.is(scale[index('restrictions')], 0);
  assert.is(distance(summarise(base, 14), summarise({ ...base, restrictions: 5 }, 14), scale), 0);
});

test.run();
