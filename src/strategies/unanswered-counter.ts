/**
 * A sender's own copy of the 2026 unanswered-message counter (seed 003, community estimate),
 * kept from what it observes: each delivered business-initiated message with no message back
 * within the reply window counts for `keep` ms after the window ends. Per number. Times in ms.
 */

/** The counter's operations. */
export interface UnansweredCounter {
  /** A business-initiated message from `number` reached `user` at `at`. */
  delivered(number: string, user: number, at: number): void;
  /** `user` wrote to the business at `at`: answers their messages delivered in the window before. */
  answered(user: number, at: number): void;
  /** The counter of `number` at `now` (settles the messages whose window has closed). */
  count(number: string, now: number): number;
}

interface Pending {
  readonly at: number;
  readonly user: number;
  answered: boolean;
}

interface NumberCounter {
  readonly pending: Pending[];
  pendingHead: number;
  /** Expiry times of counted messages, ascending. */
  readonly counted: number[];
  countedHead: number;
}

/**
 * Creates an empty counter: `window` to answer (48 h), `keep` on the counter after that (30 days).
 * Cost: O(1) amortised per message.
 * @example const c = createUnansweredCounter(48 * HOUR, 30 * DAY); c.delivered('a', 7, 0); c.count('a', 49 * HOUR) // 1
 */
export function createUnansweredCounter(window: number, keep: number): UnansweredCounter {
  const numbers = new Map<string, NumberCounter>();
  /** Per user: their messages still awaiting a verdict, oldest first. */
  const byUser = new Map<number, Pending[]>();
  const of = (number: string): NumberCounter => {
    let n = numbers.get(number);
    if (!n) numbers.set(number, (n = { pending: [], pendingHead: 0, counted: [], countedHead: 0 }));
    return n;
  };
  return {
    delivered(number, user, at) {
      const p: Pending = { at, user, answered: false };
      of(number).pending.push(p);
      const list = byUser.get(user);
      if (list) list.push(p);
      else byUser.set(user, [p]);
    },
    answered(user, at) {
      const list = byUser.get(user);
      if (!list) return;
      for (const p of list) if (p.at < at && at <= p.at + window) p.answered = true;
      const open = list.filter((p) => !p.answered && p.at + window >= at);
      if (open.length) byUser.set(user, open);
      else byUser.delete(user);
    },
    count(number, now) {
      const n = of(number);
      while (n.pendingHead < n.pending.length && n.pending[n.pendingHead].at + window <= now) {
        const p = n.pending[n.pendingHead++];
        if (!p.answered) n.counted.push(p.at + window + keep);
        const list = byUser.get(p.user);
        if (list && list[0] === p) list.shift();
        if (list && !list.length) byUser.delete(p.user);
      }
      while (n.countedHead < n.counted.length && n.counted[n.countedHead] <= now) n.countedHead++;
      if (n.pendingHead > 1024 && n.pendingHead * 2 > n.pending.length) {
        n.pending.splice(0, n.pendingHead);
        n.pendingHead = 0;
      }
      if (n.countedHead > 1024 && n.countedHead * 2 > n.counted.length) {
        n.counted.splice(0, n.countedHead);
        n.countedHead = 0;
      }
      return n.counted.length - n.countedHead;
    },
  };
}
