import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE, SECOND } from '../../src/engine/index.js';
import type { PhoneNumberFields, SendResponse } from '../../src/model/observable.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';
import { runWith, scenario } from './helpers.js';

/** What the sender saw: (hour, number, status, health) of each GET, and each send's answer. */
interface Seen {
  readonly polls: [number, string, string, string][];
  readonly sends: SendResponse[];
}

/**
 * Number a sends to 250 new users from 01:00 (50 a second), then to one more; both numbers of the
 * portfolio are polled before, at the limit, just before and just after the first user leaves the
 * 24-h window (25:00).
 */
function limitProbe(seen: Seen): StrategyDefinition {
  const pollAt = [30 * MINUTE, HOUR + 10 * SECOND, 25 * HOUR - MINUTE, 25 * HOUR + MINUTE];
  return {
    name: 'limit-probe',
    description: 'fills the 250 limit and polls the numbers',
    source: 'test',
    params: {},
    create() {
      return {
        onCampaignStart(api) {
          pollAt.forEach((t) => api.wakeAt(t, 'poll'));
          for (let k = 0; k < 5; k++) api.wakeAt(HOUR + k * SECOND, `send:${k * 50}`);
          api.wakeAt(HOUR + 5 * SECOND, 'one-more');
        },
        onWake(api, tag) {
          if (tag === 'poll') {
            for (const id of ['a', 'b']) {
              const r = api.getPhoneNumber(id);
              const d = (r as { data: PhoneNumberFields }).data;
              seen.polls.push([Math.round((api.now() / HOUR) * 100) / 100, id, d.status, d.health_status.can_send_message]);
            }
          } else if (tag === 'one-more') {
            seen.sends.push(api.sendTemplate('a', 250, 'promo'));
          } else {
            const from = Number(tag.split(':')[1]);
            for (let r = from; r < from + 50; r++) seen.sends.push(api.sendTemplate('a', r, 'promo'));
          }
        },
      };
    },
  };
}

test('at the messaging limit every number of the pool shows RESTRICTED and LIMITED until the moving window frees a slot, then CONNECTED again (seed 000: "the phone number\'s status changes to Restricted", reported; MODEL.md §1)', () => {
  const seen: Seen = { polls: [], sends: [] };
  runWith(scenario({ horizonDays: 2, portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }, { id: 'b' }] } }), limitProbe(seen));
  assert.equal(seen.sends.slice(0, 250).every((r) => r.ok), true, 'the first 250 users are accepted');
  assert.equal(seen.sends[250], { ok: false, code: 'limit_reached' }, 'the 251st user is refused');
  assert.equal(seen.polls, [
    [0.5, 'a', 'CONNECTED', 'AVAILABLE'],
    [0.5, 'b', 'CONNECTED', 'AVAILABLE'],
    [1, 'a', 'RESTRICTED', 'LIMITED'],
    [1, 'b', 'RESTRICTED', 'LIMITED'],
    [24.98, 'a', 'RESTRICTED', 'LIMITED'],
    [24.98, 'b', 'RESTRICTED', 'LIMITED'],
    [25.02, 'a', 'CONNECTED', 'AVAILABLE'],
    [25.02, 'b', 'CONNECTED', 'AVAILABLE'],
  ]);
});

test.run();
