import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { welchDifference } from '../../src/diff/index.js';

const close = (a: number, b: number, tol = 1e-6): void => assert.ok(Math.abs(a - b) < tol, `${a} ≠ ${b}`);

test("Welch's interval matches SciPy's ttest_ind(equal_var=False) on raw samples", () => {
  // scipy 1.17.1: ttest_ind([1,2,3,4,5], [2,4,6,9,10,12], equal_var=False).confidence_interval()
  // = (-8.223973406591462, -0.109359926741873) for a − b, df 6.90545217659403
  const sd = (xs: number[]): number => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  };
  const a = [1, 2, 3, 4, 5];
  const b = [2, 4, 6, 9, 10, 12];
  const d = welchDifference({ mean: 3, sd: sd(a), n: 5 }, { mean: 43 / 6, sd: sd(b), n: 6 });
  close(d.mean, 43 / 6 - 3);
  close(d.ci95[0], 0.109359926741873);
  close(d.ci95[1], 8.223973406591462);
  close(d.df, 6.90545217659403);
});

test("Welch's interval from summaries matches SciPy's t quantile with the Welch–Satterthwaite df", () => {
  // scipy: df = 8.67213114754098, 4 ∓ t.ppf(0.975, df) · √(4/5 + 9/6) = [0.549394780978472, 7.4506052190215275]
  const d = welchDifference({ mean: 10, sd: 2, n: 5 }, { mean: 14, sd: 3, n: 6 });
  close(d.df, 8.67213114754098);
  close(d.ci95[0], 0.549394780978472);
  close(d.ci95[1], 7.4506052190215275);
});

test('a side with one run or no spread gives the point difference as its interval', () => {
  assert.equal(welchDifference({ mean: 1, sd: 0, n: 1 }, { mean: 3, sd: 1, n: 5 }).ci95, [2, 2]);
  assert.equal(welchDifference({ mean: 1, sd: 0, n: 4 }, { mean: 1, sd: 0, n: 4 }), { mean: 0, ci95: [0, 0], df: 6 });
});

test.run();
