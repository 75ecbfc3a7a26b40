import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planReplay, simulateEvidence } from '../../../src/calibrate/hidden/replay.js';
import type { HiddenEvidence } from '../../../src/calibrate/evidence.js';
import { validateScenarioData } from '../../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../../src/strategies/index.js';
import { observe, teamScenario } from './truth.js';

test('the replay of a scenario without campaigns (two segments, two numbers, two templates) delivers the observed daily volume', () => {
  const scenario = validateScenarioData(
    {
      name: 'team',
      horizonDays: 4,
      portfolio: { numbers: [{ id: 'a' }, { id: 'b' }] },
      templates: [{ id: 'promo', category: 'marketing' }, { id: 'notice', category: 'utility' }],
      audience: { segments: [{ id: 'new', size: 300 }, { id: 'old', size: 900 }] },
      campaigns: [],
      strategies: ['blast'],
    },
    { file: '(test)', strategyNames: BUILTIN_NAMES },
  );
  const observed: HiddenEvidence = { delivered: 2400, deliveredPerDay: [600, 600, 600, 600], recipients: 600, undeliverable: 0, failed: 0, qualityDowngrades: 0, firstDowngradeDay: null, worstRating: 'GREEN', templatePauses: 0, templateDisables: 0, templateQualityDrops: 0, restrictions: 0, numbers: 2 };
  const plan = planReplay(scenario, observed);
  assert.equal(plan.scenario.audience.segments.map((s) => s.size), [150, 450], 'segments scaled to the 600 recipients seen, in proportion');
  const e = simulateEvidence(plan, { blockProbability: 0.0005, reportProbability: 0.00005 }, 1);
  assert.is(e.numbers, 2, 'both numbers send');
  assert.is(e.recipients, 600);
  assert.ok(Math.abs(e.delivered - 2400) < 120, `about the observed volume delivered: ${e.delivered}`);
  e.deliveredPerDay.forEach((d, i) => assert.ok(Math.abs(d - 600) < 60, `day ${i}: ${d}`));
});

test("the replay of a team's own campaigns sends its volume and, at the same block rate, about as many 131026 as the team saw", () => {
  const scenario = teamScenario({ size: 1000, days: 14, everyDays: 3, blockProbability: 0.005, reportProbability: 0.0005 });
  const observed = observe(scenario, 21);
  const plan = planReplay(scenario, observed);
  const e = simulateEvidence(plan, { blockProbability: 0.005, reportProbability: 0.0005 }, 22);
  assert.ok(Math.abs(e.delivered - observed.delivered) < 0.03 * observed.delivered, `delivered ${e.delivered} against ${observed.delivered}`);
  assert.ok(e.undeliverable > 0.5 * observed.undeliverable && e.undeliverable < 2 * observed.undeliverable, `131026 ${e.undeliverable} against ${observed.undeliverable}`);
  const none = simulateEvidence(plan, { blockProbability: 0.0005, reportProbability: 0.00005 }, 22);
  assert.ok(none.undeliverable < e.undeliverable / 3, `ten times fewer blocks, far fewer 131026: ${none.undeliverable}`);
});

test.run();
