import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseThresholdKey, scopeText } from '../../src/thresholds/index.js';

test('a key is a metric with an optional scope of strategy and variant', () => {
  assert.equal(parseThresholdKey('uniqueUsersReached'), { metric: 'uniqueUsersReached', scope: {} });
  assert.equal(parseThresholdKey('restricted{strategy:tier-aware}'), { metric: 'restricted', scope: { strategy: 'tier-aware' } });
  assert.equal(parseThresholdKey('failedByCode.131049 { variant: clean list (0.5% blocks) , strategy:blast }'), { metric: 'failedByCode.131049', scope: { variant: 'clean list (0.5% blocks)', strategy: 'blast' } });
});

test('a quoted value may hold a comma, a brace or a quote', () => {
  assert.equal(parseThresholdKey('delivered{variant:"cold, blocked",strategy:blast}'), { metric: 'delivered', scope: { variant: 'cold, blocked', strategy: 'blast' } });
  assert.equal(parseThresholdKey('delivered{variant:"a \\"b\\" {c}"}'), { metric: 'delivered', scope: { variant: 'a "b" {c}' } });
});

test('a bad key says what is wrong', () => {
  const problem = (key: string): string => (parseThresholdKey(key) as { problem: string }).problem;
  assert.is(problem('delivered{tier:x}'), 'unknown scope key "tier" (strategy or variant)');
  assert.is(problem('delivered{strategy:blast'), 'the scope must end the key with "}"');
  assert.is(problem('delivered}'), 'a "}" without a "{"');
  assert.is(problem('{strategy:blast}'), 'no metric name before "{"');
  assert.is(problem('delivered{}'), 'an empty scope "{}"');
  assert.is(problem('delivered{strategy:a,strategy:b}'), 'strategy given twice in one scope');
  assert.is(problem('delivered{strategy:}'), 'an empty strategy');
  assert.is(problem('delivered{strategy blast}'), 'no ":" after strategy');
  assert.is(problem('delivered{strategy:blast,}'), 'a "," with nothing after it');
  assert.is(problem('delivered{variant:"open}'), 'an unclosed quoted variant');
  assert.is(problem('delivered{variant:"a" b}'), 'text after the quoted variant');
  assert.is(problem(' '), 'an empty metric name');
});

test('scopeText writes a scope back, quoting a value only when it must', () => {
  assert.is(scopeText({}), '');
  assert.is(scopeText({ variant: 'clean list', strategy: 'blast' }), '{strategy:blast,variant:clean list}');
  const quoted = scopeText({ variant: 'cold, blocked' });
  assert.is(quoted, '{variant:"cold, blocked"}');
  assert.equal(parseThresholdKey(`m${quoted}`), { metric: 'm', scope: { variant: 'cold, blocked' } });
});

test.run();
