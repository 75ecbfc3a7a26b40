/**
 * Which number sends to whom (issue 22): a campaign may name several numbers (`CampaignView.numbers`);
 * the built-ins spread its recipients round-robin over them, per recipient, so recipient k of the
 * campaign always goes from the same number unless that one is held. `multi-number` rotates over
 * the same way (one rotation, `rotate`). Seed 003: "load-balancing the same daily volume across
 * multiple numbers" (community estimate of what keeps numbers healthy).
 */
import type { CampaignView } from '../model/observable.js';

/**
 * Index into `ids` of the first id from position `start` (wrapping) that `skip` does not refuse, or -1.
 * @example rotate(['a', 'b', 'c'], 4, (n) => n === 'b') // 2: position 4 is 'b' (skipped), then 'c'
 */
export function rotate(ids: readonly string[], start: number, skip?: (id: string) => boolean): number {
  const n = ids.length;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (!skip || !skip(ids[i])) return i;
  }
  return -1;
}

/**
 * The number that sends campaign `c`'s recipient `r`: its turn in `c.numbers` (position
 * r − first), the next one when `skip` refuses it, undefined when every one is refused.
 * @example numberFor({ numbers: ['a', 'b', 'c'], first: 0, … }, 4) // 'b'
 */
export function numberFor(c: CampaignView, r: number, skip?: (id: string) => boolean): string | undefined {
  const ids = c.numbers;
  if (ids.length === 1) return skip && skip(ids[0]) ? undefined : ids[0];
  const i = rotate(ids, Math.max(0, r - c.first), skip);
  return i < 0 ? undefined : ids[i];
}
