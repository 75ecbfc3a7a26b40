import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fbtraceId, graphCode, graphError, unknownObject } from '../../src/serve/graph-errors.js';

test('a model error becomes Meta\'s Graph error object: (#code) title, OAuthException, error_data, fbtrace_id', () => {
  assert.equal(graphError(130429, 'T1'), {
    status: 400,
    body: { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' }, fbtrace_id: 'T1' } },
  });
});

test('a bad token is 401 code 190 without the (#code) prefix', () => {
  const e = graphError(190, 'T');
  assert.is(e.status, 401);
  assert.is(e.body.error.message, 'Invalid OAuth access token - Cannot parse access token');
});

test('model outcome codes map to Graph codes: limit_reached → 131048, budget 429 → 80007, overload 503 → 2, unknown → 1', () => {
  assert.equal(['limit_reached', 429, 503, 131056, 999_999].map(graphCode), [131048, 80007, 2, 131056, 1]);
});

test('an unknown object id is code 100 with subcode 33', () => {
  const e = unknownObject('POST', '42', 'T');
  assert.is(e.body.error.code, 100);
  assert.is(e.body.error.error_subcode, 33);
  assert.match(e.body.error.message, "Unsupported post request. Object with ID '42' does not exist");
});

test('fbtrace ids are deterministic per error number', () => {
  assert.is(fbtraceId(1), 'AWABASIM0000000001');
  assert.is(fbtraceId(36), 'AWABASIM0000000010');
});

test.run();
