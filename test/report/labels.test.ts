import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { enforcementBasis, enforcementKindLabel, enforcementPathLabel, knownAsLabel } from '../../src/report/labels.js';
import { ENFORCEMENT_KINDS, ENFORCEMENT_PATHS } from '../../src/model/state/index.js';

test('every enforcement kind and path has words of its own', () => {
  for (const kind of ENFORCEMENT_KINDS) assert.is.not(enforcementKindLabel(kind), kind);
  for (const path of Object.keys(ENFORCEMENT_PATHS)) assert.is.not(enforcementPathLabel(path), path);
});

test("the timed blocks of Meta's ladder say what they block and for how long", () => {
  assert.is(enforcementKindLabel('policy-restriction', 3), 'messaging blocked (business-initiated), 3 days');
  assert.is(enforcementKindLabel('policy-restriction-all', 1), 'messaging blocked (business-initiated and replies), 1 day');
  assert.is(enforcementKindLabel('policy-warning', 0), 'policy warning (no restriction)');
  assert.is(enforcementKindLabel('account-disabled'), 'account disabled');
});

test('an enforcement is known by its recorded path and label; older results get them from the reason', () => {
  assert.equal(enforcementBasis({ path: 'policy-enforcement', label: 'documented', reason: 'USER_BLOCKS' }), { path: 'policy-enforcement', label: 'documented' });
  assert.equal(enforcementBasis({ reason: 'TRUST_SCORE' }), { path: 'trust-score', label: 'estimate' });
  assert.equal(enforcementBasis({ reason: 'COEXISTENCE_APP_NOT_OPENED' }), { path: 'coexistence', label: 'reported' });
  assert.equal(enforcementBasis({ reason: 'SOMETHING_NEW' }), { path: 'unrecorded', label: 'unrecorded' });
  assert.is(knownAsLabel('estimate'), 'community estimate');
});

test.run();
