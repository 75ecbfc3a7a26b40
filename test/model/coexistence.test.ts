import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, HOUR } from '../../src/engine/index.js';
import { runWith, scenario, timetable } from './helpers.js';

const coex = (appOpen: unknown, horizonDays = 40): Record<string, unknown> =>
  scenario({ horizonDays, portfolio: { numbers: [{ id: 'a', channel: 'coexistence', appOpen }] } });

test('an app opened every 16 days: disconnected exactly 14 days after the last open', () => {
  const { trace } = runWith(coex({ everyDays: 16, jitterHours: 0 }), timetable([]));
  const cuts = trace.filter((r) => r.kind === 'enforcement' && r.enforcement === 'disconnect');
  assert.is(cuts[0].t, 14 * DAY);
  const reconnected = trace.find((r) => r.kind === 'enforcement-lifted' && r.enforcement === 'disconnect');
  assert.is(reconnected?.t, 16 * DAY + 24 * HOUR, 're-onboarding 24 h after the app is opened on day 16');
  assert.is(cuts[1].t, 16 * DAY + 24 * HOUR + 14 * DAY - 24 * HOUR, 'the clock restarts at the app open on day 16 → day 30');
});

test('an app opened every 13 days is never disconnected', () => {
  const { trace } = runWith(coex({ everyDays: 13, jitterHours: 0 }, 60), timetable([]));
  assert.is(trace.filter((r) => r.kind === 'enforcement').length, 0);
});

test('the 13-day variant of the rule disconnects an app opened every 13.5 days', () => {
  const s = coex({ everyDays: 13.5, jitterHours: 0 });
  assert.is(runWith(s, timetable([])).trace.filter((r) => r.kind === 'enforcement').length, 0);
  const strict = { ...s, overrides: { ...(s.overrides as object), 'coexistence.appOpenIntervalDays': 13 } };
  assert.is(runWith(strict, timetable([])).trace.find((r) => r.kind === 'enforcement')?.t, 13 * DAY);
});

test('a never-opened app is disconnected at day 14 and sends then fail with 133010', () => {
  const { trace, result } = runWith(coex('never', 20), timetable([{ day: 15, hour: 9, number: 'a', count: 10 }]));
  assert.is(trace.find((r) => r.kind === 'enforcement')?.t, 14 * DAY);
  assert.is(result.summary.failedByCode['133010'], 10);
  assert.is(result.summary.restrictionHours.disconnect, 6 * 24);
  const hook = trace.find((r) => r.kind === 'webhook' && r.field === 'account_update');
  assert.equal((hook?.payload as { entry: { changes: { value: { event: string } }[] }[] }).entry[0].changes[0].value.event, 'DISCONNECTED');
});

test('a strategy that opens the app itself keeps the number connected', () => {
  const opener = {
    ...timetable([]),
    create: () => ({
      onCampaignStart(api: import('../../src/model/index.js').SenderApi) {
        for (let d = 10; d < 60; d += 10) api.wakeAt(d * DAY, 'open');
      },
      onWake(api: import('../../src/model/index.js').SenderApi) {
        api.openApp('a');
      },
    }),
  };
  assert.is(runWith(coex('never', 60), opener).trace.filter((r) => r.kind === 'enforcement').length, 0);
});

test.run();
