import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aggregateValues, holds, parseCondition, type Condition } from '../../src/thresholds/index.js';

const parsed = (text: string): Condition => {
  const c = parseCondition(text);
  if ('problem' in c) throw new Error(`${text}: ${c.problem}`);
  return c;
};
const problem = (text: string): string => {
  const c = parseCondition(text);
  assert.ok('problem' in c, `${text} parsed`);
  return (c as { problem: string }).problem;
};

test('a condition is AGG OP NUMBER, spaces allowed around each part', () => {
  assert.equal(parsed('p(95) <= 100'), { text: 'p(95) <= 100', aggregation: { kind: 'p', percentile: 95 }, operator: '<=', value: 100 });
  assert.equal(parsed(' rate==0 '), { text: 'rate==0', aggregation: { kind: 'rate' }, operator: '==', value: 0 });
  assert.equal(parsed('p(99.9)<1e3').aggregation, { kind: 'p', percentile: 99.9 });
  assert.equal(parsed('p(99.9)<1e3').value, 1000);
  assert.equal(['mean>-1.5', 'min>=0', 'max<.5', 'mean!=2'].map((t) => [parsed(t).aggregation.kind, parsed(t).operator, parsed(t).value]), [['mean', '>', -1.5], ['min', '>=', 0], ['max', '<', 0.5], ['mean', '!=', 2]]);
});

test('a bad condition says what is wrong, with the name to write for k6 habits', () => {
  assert.is(problem('avg<3'), 'unknown aggregation "avg" (write mean (k6\'s avg))');
  assert.is(problem('med<3'), 'unknown aggregation "med" (write p(50))');
  assert.is(problem('p95<3'), 'unknown aggregation "p95" (write p(95))');
  assert.is(problem('maen<3'), 'unknown aggregation "maen" (write mean)');
  assert.is(problem('count>1'), 'unknown aggregation "count" (write rate, the share of runs where the metric is not 0)');
  assert.is(problem('p(101)<3'), 'p(101): the percentile must be a number in [0, 100]');
  assert.is(problem('p<3'), 'p needs a percentile in parentheses, e.g. p(95)');
  assert.is(problem('mean(x)<3'), 'mean takes no parentheses (only p(N) does)');
  assert.is(problem('mean=3'), '"=" is not an operator (write ==)');
  assert.is(problem('mean=<3'), '"=<" is not an operator (<, <=, >, >=, ==, !=)');
  assert.is(problem('mean 3'), 'no comparison operator after mean (<, <=, >, >=, ==, !=)');
  assert.is(problem('mean<'), 'no number after <');
  assert.is(problem('mean<3 && max<4'), '"3 && max<4" is not a number');
  assert.is(problem('rate<=5'), 'rate is a share of runs in [0, 1], found 5 (rate<=0.05 is 5% of runs)');
  assert.is(problem('  '), 'an empty condition');
  assert.is(problem('<3'), 'it does not start with an aggregation (mean, min, max, p(N) or rate)');
});

test('rate is the share of runs where the metric is not 0', () => {
  assert.is(aggregateValues({ kind: 'rate' }, [0, 0, 0]), 0);
  assert.is(aggregateValues({ kind: 'rate' }, [0, 2, 0, 1]), 0.5);
  assert.is(aggregateValues({ kind: 'rate' }, [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]), 0.9);
  assert.is(aggregateValues({ kind: 'rate' }, [-1]), 1, 'a negative value is not 0');
});

test('p(N) is the linear-interpolation percentile (R-7), as results.json p5/p50/p95', () => {
  // reference: numpy.percentile([10, 0, 30, 20, 40], [0, 25, 50, 90, 95, 99.9, 100]) (numpy 1.26, method "linear")
  // = [0, 10, 20, 36, 38, 39.96, 40]
  const values = [10, 0, 30, 20, 40];
  const got = [0, 25, 50, 90, 95, 99.9, 100].map((percentile) => aggregateValues({ kind: 'p', percentile }, values));
  [0, 10, 20, 36, 38, 39.96, 40].forEach((want, i) => assert.ok(Math.abs(got[i] - want) < 1e-9, `p(${[0, 25, 50, 90, 95, 99.9, 100][i]}) = ${got[i]}, want ${want}`));
  // numpy.percentile([1, 1, 1, 500], 95) = 425.15: one outlier run moves p(95), not p(50)
  assert.ok(Math.abs(aggregateValues({ kind: 'p', percentile: 95 }, [1, 500, 1, 1]) - 425.15) < 1e-9);
  assert.is(aggregateValues({ kind: 'p', percentile: 50 }, [1, 500, 1, 1]), 1);
  assert.equal(values, [10, 0, 30, 20, 40], 'the values are not sorted in place');
});

test('mean, min and max; a never-reached (∞) run makes the mean and the max ∞', () => {
  assert.is(aggregateValues({ kind: 'mean' }, [1, 2, 6]), 3);
  assert.is(aggregateValues({ kind: 'min' }, [4, 2, 6]), 2);
  assert.is(aggregateValues({ kind: 'max' }, [4, 2, 6]), 6);
  assert.is(aggregateValues({ kind: 'mean' }, [1, Infinity]), Infinity);
  assert.is(aggregateValues({ kind: 'max' }, [1, Infinity]), Infinity);
  assert.is(aggregateValues({ kind: 'p', percentile: 50 }, [1, 2, Infinity]), 2);
  assert.throws(() => aggregateValues({ kind: 'mean' }, []));
});

test('each operator compares the observed value with the number', () => {
  const cases: [string, number, boolean][] = [['mean<3', 2, true], ['mean<3', 3, false], ['mean<=3', 3, true], ['mean>3', 3, false], ['mean>=3', 3, true], ['mean==3', 3, true], ['mean!=3', 3, false], ['mean<=7', Infinity, false], ['mean>7', Infinity, true]];
  for (const [text, observed, want] of cases) assert.is(holds(parsed(text), observed), want, `${text} with ${observed}`);
});

test.run();
