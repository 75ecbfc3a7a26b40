import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QUALITY_RATINGS } from '../../src/model/observable.js';
import { QUALITY_CODES, STATUS_CODES } from '../../src/model/series-codes.js';
import { NUMBER_STATUSES } from '../../src/model/state/index.js';

// results.json files hold these numbers in the quality.<id> and status.<id> series: a change here
// changes the meaning of every recorded result, so the values are spelled out, not derived.

test('quality.<id> codes: UNKNOWN 0, GREEN 1, YELLOW 2, RED 3', () => {
  assert.equal(QUALITY_CODES, { UNKNOWN: 0, GREEN: 1, YELLOW: 2, RED: 3 });
});

test('status.<id> codes: CONNECTED 0, FLAGGED 1, RESTRICTED 2, PENDING_REVIEW 3, DISCONNECTED 4, BANNED 5', () => {
  assert.equal(STATUS_CODES, { CONNECTED: 0, FLAGGED: 1, RESTRICTED: 2, PENDING_REVIEW: 3, DISCONNECTED: 4, BANNED: 5 });
});

test('each code is its state\'s index in the list that defines the type (one source)', () => {
  assert.equal(QUALITY_RATINGS.map((q) => QUALITY_CODES[q]), [0, 1, 2, 3]);
  assert.equal(NUMBER_STATUSES.map((s) => STATUS_CODES[s]), [0, 1, 2, 3, 4, 5]);
  assert.equal([Object.keys(QUALITY_CODES).length, Object.keys(STATUS_CODES).length], [QUALITY_RATINGS.length, NUMBER_STATUSES.length], 'no extra codes');
});

test.run();
