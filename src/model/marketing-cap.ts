/**
 * Per-user marketing cap (MODEL.md §4; seed 000 cluster 3): a user who already received their
 * daily share of marketing messages — from this business without a reply, or from all brands —
 * gets no more: the message fails with 131049 even at GREEN quality. Reported caps (BSP): 2 per
 * user per 24 h from one business without a reply, 4 from all businesses; a reply allows one more.
 * Other brands' volume is a segment parameter, drawn per delivery (Poisson); a user found saturated
 * stays saturated for `saturationHours` ("no more marketing that day"), so a retry cannot win a
 * fresh draw. Retrying a 131049 in a loop is recorded as aggressive behaviour (used by the trust
 * score).
 */
import { HOUR, type KeyedUniforms, type Rng } from '../engine/index.js';
import { MAX_PER_BUSINESS_PER_DAY, type Policy } from '../policy/index.js';
import type { MarketingState } from './state/index.js';

/** How many recent own marketing deliveries are remembered per user: the most `perBusinessPerDay` may be, plus the one a reply allows. */
export const MARKETING_SLOTS = MAX_PER_BUSINESS_PER_DAY + 1;

export function createMarketingState(users: number): MarketingState {
  return {
    recent: new Float64Array(users * MARKETING_SLOTS).fill(-Infinity),
    lastReply: new Float64Array(users).fill(-Infinity),
    last131049: new Float64Array(users).fill(-Infinity),
    saturatedUntil: new Float64Array(users).fill(-Infinity),
    checks: new Uint32Array(users),
  };
}


/** `user` replied or wrote in at `now`: their latest answer (it allows one more marketing message, and keeps a message off the unanswered counter). */
export function noteReply(m: MarketingState, user: number, now: number): void {
  m.lastReply[user] = now;
}

/** Poisson variate by inversion (small means only: cross-brand messages per day). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit && k < 1000) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * Decides whether a marketing message to `user` at `now` is capped (131049). A user still
 * saturated from an earlier 131049 is capped again without a draw; otherwise one draw from `draws` at (user, its k-th check)
 * decides. On success the delivery is recorded.
 * @example marketingCapped(state, 7, now, 3.5, policy.marketingCap, draws) // true: 131049
 */
export function marketingCapped(m: MarketingState, user: number, now: number, othersPerDay: number, p: Policy['marketingCap'], draws: KeyedUniforms): boolean {
  if (now < m.saturatedUntil[user]) {
    m.last131049[user] = now; // seed 000: a saturated user gets no more marketing that day, reported
    return true;
  }
  const since = now - p.windowHours * HOUR; // caps per 24 h (BSP, reported)
  // a reply within the window allows one more from this business — MODEL.md §4, seed 000 cluster 3 (BSP caps), reported
  const ownCap = p.perBusinessPerDay + (m.lastReply[user] > since ? 1 : 0);
  const base = user * MARKETING_SLOTS;
  let own = 0;
  for (let i = 0; i < MARKETING_SLOTS; i++) if (m.recent[base + i] > since) own++;
  const others = poisson(draws.seek(user, m.checks[user]++), othersPerDay); // the user's k-th draw: the same in every strategy of a seed
  if (own >= ownCap || own + others >= p.allBusinessesPerDay) {
    m.last131049[user] = now;
    // capped by other brands' volume (the draw): it lasts "that day" (estimate); this business's own count needs no memory
    if (own < ownCap) m.saturatedUntil[user] = now + p.saturationHours * HOUR;
    return true;
  }
  m.recent.copyWithin(base + 1, base, base + MARKETING_SLOTS - 1);
  m.recent[base] = now;
  return false;
}

/**
 * True if sending to `user` now repeats a recent 131049 (an aggressive retry): within
 * `retryWindowHours` of the last one — a loop, not the next day's campaign.
 */
export function isRetryAfterCap(m: MarketingState, user: number, now: number, p: Policy['marketingCap']): boolean {
  return now - m.last131049[user] < p.retryWindowHours * HOUR;
}
