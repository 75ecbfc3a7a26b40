/**
 * Every webhook payload wabasim can emit has the shape of Meta's published example for its field
 * and event (test/fixtures/meta-webhooks, sources in its README): each key of the example is
 * present with the same JSON type, and no key is added that Meta's reference does not list.
 */
import { suite, test } from 'uvu';
import * as assert from 'uvu/assert';
import type { World } from '../../src/model/index.js';
import type { Webhook } from '../../src/model/observable.js';
import { inboundPayload, managementPayload, statusPayload } from '../../src/model/webhooks.js';
import { writeEventLog } from '../../src/run/index.js';
import { runWith, scenario, timetable } from './helpers.js';
import { fixtureFor, loadFixture, shapeProblems } from './webhook-shape.js';

/** The world of a one-day run with no sends: a marketing and a utility template, one number. */
function worldOf(policy?: string): World {
  let world: World | undefined;
  const templates = [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'notice', category: 'utility', quality: 'HIGH' }];
  runWith(scenario({ horizonDays: 1, templates, ...(policy ? { policy } : {}) }), timetable([]), 1, (ctx) => void (world = ctx.world));
  return world!;
}

const portfolio = worldOf();
const legacy = worldOf('meta-legacy-2025');
const HOUR = 3_600_000;

/** Asserts `payload` has the shape of fixture `name`. */
function matches(payload: object, name: string): void {
  const { example, optional } = loadFixture(name);
  assert.equal(shapeProblems(example, payload, optional), [], `shape of ${name}`);
}

/** Asserts a management webhook's payload has the shape of fixture `name` (and fixtureFor picks it). */
function management(world: World, w: Webhook, name: string): void {
  const { payload } = managementPayload(world, w);
  assert.is(fixtureFor(payload, world.policy.limits.scope === 'portfolio' ? 'portfolio' : 'number'), name);
  matches(payload, name);
}

const shapes = suite('payload kinds');

shapes('phone_number_quality_update: QUALITY_UPDATED, UPGRADE/DOWNGRADE with old_limit, FLAGGED/UNFLAGGED, THROUGHPUT_UPGRADE', () => {
  for (const world of [portfolio, legacy]) {
    const tier = world.portfolio.tiers[0].name;
    management(world, { kind: 'phone_number_quality_update', number: 'a', event: 'QUALITY_UPDATED', currentLimit: tier, currentQualityRating: 'RED', previousQualityRating: 'YELLOW', at: HOUR }, 'phone_number_quality_update-quality-updated');
    for (const event of ['UPGRADE', 'DOWNGRADE']) management(world, { kind: 'phone_number_quality_update', number: 'a', event, currentLimit: tier, previousLimit: tier, at: HOUR }, 'phone_number_quality_update-upgrade');
    for (const event of ['FLAGGED', 'UNFLAGGED']) management(world, { kind: 'phone_number_quality_update', number: 'a', event, currentLimit: tier, at: HOUR }, 'phone_number_quality_update-flagged');
    management(world, { kind: 'phone_number_quality_update', number: 'a', event: 'THROUGHPUT_UPGRADE', currentLimit: tier, at: HOUR }, 'phone_number_quality_update-throughput-upgrade');
  }
});

shapes('business_capability_update: the portfolio limit (2025-10), a number\'s (legacy), and at 250 the per-portfolio phone cap', () => {
  management(portfolio, { kind: 'business_capability_update', maxDailyConversationsPerBusiness: 2000, at: HOUR }, 'business_capability_update');
  management(portfolio, { kind: 'business_capability_update', maxDailyConversationsPerBusiness: 'UNLIMITED', at: HOUR }, 'business_capability_update');
  management(portfolio, { kind: 'business_capability_update', maxDailyConversationsPerBusiness: 250, at: HOUR }, 'business_capability_update-250');
  management(legacy, { kind: 'business_capability_update', maxDailyConversationPerPhone: 1000, number: 'a', at: HOUR }, 'business_capability_update-legacy');
});

shapes('message_template_status_update: PAUSED, REINSTATED and DISABLED, each with the template category', () => {
  for (const event of ['PAUSED', 'REINSTATED', 'DISABLED']) {
    management(portfolio, { kind: 'message_template_status_update', template: 'promo', event, reason: 'LOW_QUALITY', at: HOUR }, `message_template_status_update-${event.toLowerCase()}`);
  }
  const { payload } = managementPayload(portfolio, { kind: 'message_template_status_update', template: 'notice', event: 'PAUSED', at: HOUR });
  assert.is((payload as Payload).entry[0].changes[0].value.message_template_category, 'UTILITY');
});

shapes('message_template_quality_update', () => {
  management(portfolio, { kind: 'message_template_quality_update', template: 'promo', previousQualityScore: 'GREEN', newQualityScore: 'RED', at: HOUR }, 'message_template_quality_update');
});

shapes('account_update: violation, restrictions (business-initiated and all), disabled, reinstated, and wabasim\'s own events', () => {
  management(portfolio, { kind: 'account_update', event: 'ACCOUNT_VIOLATION', reason: 'AI_POLICY_GENERAL_PURPOSE_CHATBOT', until: 25 * HOUR, at: HOUR }, 'account_update-violation');
  management(portfolio, { kind: 'account_update', number: 'a', event: 'ACCOUNT_VIOLATION', violation: 'SCAM', at: HOUR }, 'account_update-violation');
  for (const restriction of [undefined, 'business-initiated', 'all'] as const) {
    management(portfolio, { kind: 'account_update', number: 'a', event: 'ACCOUNT_RESTRICTION', reason: 'TRUST_SCORE', until: 49 * HOUR, restriction, at: HOUR }, 'account_update-restriction');
  }
  management(portfolio, { kind: 'account_update', number: 'a', event: 'DISABLED_UPDATE', reason: 'AI_POLICY', at: HOUR }, 'account_update-disabled');
  management(portfolio, { kind: 'account_update', number: 'a', event: 'REINSTATED', reason: 'APPEAL_GRANTED', at: HOUR }, 'account_update-disabled');
  for (const event of ['DISCONNECTED', 'ACCOUNT_UNDER_REVIEW']) management(portfolio, { kind: 'account_update', number: 'a', event, reason: 'COEXISTENCE_APP_NOT_OPENED', until: 49 * HOUR, at: HOUR }, 'account_update-offboarded');
  management(portfolio, { kind: 'account_update', number: 'a', event: 'RECONNECTED', reason: 'APP_OPENED', at: HOUR }, 'account_update-reconnected');
});

shapes('messages: delivered (with pricing), read and failed statuses; inbound text, reply and STOP', () => {
  const n = portfolio.numbers[0];
  const status = { messageId: 7, from: 'a', to: 3, at: HOUR };
  for (const template of [0, 1, -1, undefined]) matches(statusPayload(portfolio, n, { ...status, status: 'delivered' }, template), 'messages-status-delivered');
  matches(statusPayload(portfolio, n, { ...status, status: 'read' }), 'messages-status-read');
  for (const code of [131026, 131049, 132015, 'limit_reached']) matches(statusPayload(portfolio, n, { ...status, status: 'failed', code }), 'messages-status-failed');
  matches(inboundPayload(portfolio, n, { from: 3, to: 'a', kind: 'text', at: HOUR }, 8), 'messages-text');
  matches(inboundPayload(portfolio, n, { from: 3, to: 'a', kind: 'stop', context: 7, at: HOUR }, 8), 'messages-text-reply');
  matches(inboundPayload(portfolio, n, { from: 3, to: 'a', kind: 'reply', context: 7, at: HOUR }, 8), 'messages-text-reply');
});

shapes.run();

type Payload = { entry: { time?: number; changes: { field: string; value: Record<string, unknown> }[] }[] };

const values = suite('values');

values('management webhooks carry entry.time in unix seconds; messages webhooks do not', () => {
  const { payload } = managementPayload(portfolio, { kind: 'message_template_quality_update', template: 'promo', previousQualityScore: 'GREEN', newQualityScore: 'RED', at: HOUR });
  assert.is((payload as Payload).entry[0].time, Math.floor((portfolio.epoch + HOUR) / 1000));
  const status = statusPayload(portfolio, portfolio.numbers[0], { messageId: 7, status: 'read', from: 'a', to: 3, at: HOUR }) as Payload;
  assert.not.ok('time' in status.entry[0]);
});

values('an upgrade names the old and the new tier; a restriction of everything lists all three restriction types with the expiration', () => {
  const up = managementPayload(portfolio, { kind: 'phone_number_quality_update', number: 'a', event: 'UPGRADE', currentLimit: 'TIER_2K', previousLimit: 'TIER_250', at: HOUR }).payload as Payload;
  assert.equal(up.entry[0].changes[0].value, { display_phone_number: portfolio.numbers[0].displayPhoneNumber, event: 'UPGRADE', old_limit: 'TIER_250', current_limit: 'TIER_2K', max_daily_conversations_per_business: 'TIER_2K' });
  const all = managementPayload(portfolio, { kind: 'account_update', number: 'a', event: 'ACCOUNT_RESTRICTION', until: 49 * HOUR, restriction: 'all', at: HOUR }).payload as Payload;
  const expiration = Math.floor((portfolio.epoch + 49 * HOUR) / 1000);
  assert.equal(all.entry[0].changes[0].value, {
    event: 'ACCOUNT_RESTRICTION',
    restriction_info: ['RESTRICTED_BIZ_INITIATED_MESSAGING', 'RESTRICTED_CUSTOMER_INITIATED_MESSAGING', 'RESTRICTED_ADD_PHONE_NUMBER_ACTION'].map((restriction_type) => ({ restriction_type, expiration })),
  });
});

values('a delivered status is priced by its template\'s category; a free-form reply is free service', () => {
  const n = portfolio.numbers[0];
  const priced = (template: number): unknown => ((statusPayload(portfolio, n, { messageId: 7, status: 'delivered', from: 'a', to: 3, at: HOUR }, template) as Payload).entry[0].changes[0].value.statuses as { pricing: unknown }[])[0].pricing;
  assert.equal(priced(1), { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  assert.equal(priced(-1), { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
});

values('a disabled account and its reinstatement carry ban_info with Meta\'s date form', () => {
  const value = (event: string): unknown => (managementPayload(portfolio, { kind: 'account_update', number: 'a', event, at: 0 }).payload as Payload).entry[0].changes[0].value;
  const date = new Date(portfolio.epoch).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  assert.equal(value('DISABLED_UPDATE'), { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: date } });
  assert.equal(value('REINSTATED'), { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'REINSTATE', waba_ban_date: date } });
});

values('the shape check fails when a field is removed, renamed, retyped or added', () => {
  const { example } = loadFixture('account_update-restriction');
  const copy = (): { entry: { changes: { value: { restriction_info: Record<string, unknown>[] } }[] }[] } => JSON.parse(JSON.stringify(example));
  const removed = copy();
  delete removed.entry[0].changes[0].value.restriction_info[0].expiration;
  assert.equal(shapeProblems(example, removed), ['entry[].changes[].value.restriction_info[].expiration: missing']);
  const renamed = copy();
  renamed.entry[0].changes[0].value.restriction_info[1] = { restriction_type: 'X', expires: 1 };
  assert.equal(shapeProblems(example, renamed), ['entry[].changes[].value.restriction_info[].expiration: missing', 'entry[].changes[].value.restriction_info[].expires: not in Meta\'s example']);
  const retyped = copy();
  retyped.entry[0].changes[0].value.restriction_info[0].expiration = '1641330498';
  assert.equal(shapeProblems(example, retyped), ['entry[].changes[].value.restriction_info[].expiration: string where Meta has number']);
});

values.run();

test('every webhook in the event log of bundled scenarios has the shape of Meta\'s example for its kind', async () => {
  const runs: [string, string][] = [['scenarios/default.json', 'blast'], ['scenarios/tier-climb.json', 'tier-aware'], ['scenarios/coexistence-app-open.json', 'blast']];
  const seen = new Set<string>();
  for (const [file, strategy] of runs) {
    const problems: string[] = [];
    await writeEventLog(file, {
      strategy,
      seed: 1,
      write(line) {
        if (!line.includes('"kind":"webhook"')) return;
        const { payload } = JSON.parse(line) as { payload: Payload };
        const scope = 'max_daily_conversation_per_phone' in payload.entry[0].changes[0].value ? 'number' : 'portfolio';
        const name = fixtureFor(payload, scope);
        seen.add(name);
        const { example, optional } = loadFixture(name);
        for (const p of shapeProblems(example, payload, optional)) if (problems.length < 5) problems.push(`${file} ${name}: ${p}`);
      },
    });
    assert.equal(problems, [], file);
  }
  for (const name of ['messages-status-delivered', 'messages-status-read', 'phone_number_quality_update-upgrade', 'business_capability_update']) assert.ok(seen.has(name), `the event logs hold ${name}`);
});

test.run();
