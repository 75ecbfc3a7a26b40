/**
 * Pair rate (MODEL.md §4; seed 002): one number → one user, one message per 6 s sustained, bursts
 * up to 45 borrowed from future quota. A generic cell-rate algorithm (GCRA) with emission
 * interval T and burst tolerance (burst − 1)·T satisfies both published statements: 45 in a burst
 * are accepted, and a burst of 20 borrows 20·T = 2 minutes of quota. Over it → 131056.
 */
import { SECOND } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import type { NumberState } from './state/index.js';

/**
 * Admits one message from `n` to `user` at `now`, or returns false (131056).
 * @example // with T = 6 s, burst 45: 45 sends at t = 0 pass, the 46th fails
 */
export function admitPair(n: NumberState, user: number, users: number, now: number, p: Policy['pairRate']): boolean {
  if (!n.pairTat) n.pairTat = new Float64Array(users);
  const interval = p.intervalSeconds * SECOND;
  const tolerance = (p.burst - 1) * interval;
  const tat = Math.max(n.pairTat[user], now);
  if (tat - now > tolerance) return false;
  n.pairTat[user] = tat + interval;
  return true;
}
