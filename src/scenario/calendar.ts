/**
 * Calendar arithmetic for scenario realism (issue 22): UTC offsets of IANA time zones and the
 * start times of a recurring campaign (`every`). Simulated time 0 is the scenario's `start`
 * (calendar UTC), so a weekday or a local hour is a matter of adding `start` and the zone's
 * offset. Offsets come from the zone rules the Node runtime ships (Intl, ICU); they are computed
 * when the world is built or the scenario validated, never while a run is simulated.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the runtime knows IANA zone `zone` ("UTC" included). */
export function isTimeZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The UTC offset of `zone` at calendar time `utcMs`, in minutes (local = UTC + offset).
 * @example zoneOffsetMinutes('America/Sao_Paulo', Date.parse('2026-01-05T00:00:00Z')) // -180
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (zone === 'UTC') return 0;
  const parts = formatterOf(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * Offsets of `zone` for each simulated day of a run from `epoch` (calendar UTC ms of time 0),
 * taken at 12:00 UTC of each day: an offset is fixed for a whole simulated day, so a DST change
 * takes effect on the first day whose noon falls after it.
 */
export function dailyOffsets(zone: string, epoch: number, days: number): Int16Array {
  const out = new Int16Array(days);
  for (let d = 0; d < days; d++) out[d] = zoneOffsetMinutes(zone, epoch + d * DAY_MS + 12 * HOUR_MS);
  return out;
}

/** The UTC instant (ms) of local wall time `localMs` (a local date-time written as if UTC) in `zone`. */
function localToUtc(zone: string, localMs: number): number {
  let utc = localMs - zoneOffsetMinutes(zone, localMs) * 60_000;
  utc = localMs - zoneOffsetMinutes(zone, utc) * 60_000; // second pass settles a DST edge
  return utc;
}

/** A recurring campaign's `every` as the schedule reads it. */
export interface Recurrence {
  readonly days: number;
  readonly weekday?: Weekday | string;
  readonly localHour?: number;
  readonly times?: number;
  readonly until?: { readonly day: number };
}

/**
 * Start times (simulated ms) of a campaign that starts at `startHour` and repeats `every`, in
 * `zone`, before `horizon` (ms) and the recurrence's own end (`times`, `until.day`). Without
 * `weekday` and `localHour` the occurrences are `startHour` + k × `days` days; with them, each
 * occurrence is on that weekday (the first at or after `startHour`) at that local hour (default:
 * the local hour of `startHour`), every `days` days of local calendar, so 10:00 stays 10:00 across a
 * DST change.
 * @example occurrenceTimes(0, { days: 7, weekday: 'tue', localHour: 10, times: 2 }, 'UTC', Date.parse('2026-01-05T00:00:00Z'), 30 * DAY) // [34 h, 202 h] in ms
 */
export function occurrenceTimes(startHour: number, every: Recurrence, zone: string, epoch: number, horizon: number): number[] {
  const base = Math.round(startHour * HOUR_MS);
  const end = Math.min(horizon, every.until ? Math.round(every.until.day * DAY_MS) : Infinity);
  const most = every.times ?? Infinity;
  const out: number[] = [];
  if (every.weekday === undefined && every.localHour === undefined) {
    for (let k = 0; k < most; k++) {
      const t = base + k * every.days * DAY_MS;
      if (t >= end) break;
      out.push(t);
    }
    return out;
  }
  // local wall time of the first candidate day, as if UTC
  const baseLocal = epoch + base + zoneOffsetMinutes(zone, epoch + base) * 60_000;
  const localHour = every.localHour ?? ((baseLocal % DAY_MS) / HOUR_MS);
  const day0 = Math.floor(baseLocal / DAY_MS) * DAY_MS;
  const want = every.weekday === undefined ? -1 : WEEKDAYS.indexOf(every.weekday as Weekday);
  let first = -1;
  for (let j = 0; j < 8 && first < 0; j++) {
    const local = day0 + j * DAY_MS + Math.round(localHour * HOUR_MS);
    if (want >= 0 && new Date(local).getUTCDay() !== want) continue;
    if (localToUtc(zone, local) - epoch >= base) first = local;
  }
  for (let k = 0; k < most && first >= 0; k++) {
    const t = localToUtc(zone, first + k * every.days * DAY_MS) - epoch;
    if (t >= end) break;
    out.push(t);
  }
  return out;
}
