/**
 * A phone number's status hour by hour, told apart by the path that set it (MODEL.md §6b): the
 * status series (`status.<number>`) says connected or flagged; each enforcement of the run
 * (`summary.enforcements`, with its path and label) says restricted, in review, disconnected or
 * banned, and whether that rests on Meta's documentation, a report or a community estimate.
 */
import type { RunResult } from '../run/results.js';
import { enforcementBasis } from './labels.js';
import type { EnforcementKind } from '../model/state/index.js';
import { STATUS_CODES } from '../model/series-codes.js';

/** What an enforcement does to the number's status; a warning changes nothing. */
type StatusGroup = 'disconnected' | 'restricted' | 'in review' | 'banned / disabled';

const STATUS_OF_KIND: Readonly<Record<EnforcementKind, StatusGroup | null>> = {
  disconnect: 'disconnected',
  'soft-ban': 'restricted',
  'account-restriction': 'restricted',
  'policy-restriction': 'restricted',
  'policy-restriction-all': 'restricted',
  review: 'in review',
  'permanent-ban': 'banned / disabled',
  'account-disabled': 'banned / disabled',
  'policy-warning': null,
};

/** How the path that set a status is known, in legend order; 'unrecorded' only for older results. */
const BASES = ['community estimate', 'reported', 'documented', 'path not recorded'] as const;
type Basis = (typeof BASES)[number];

const BASIS_OF_LABEL: Readonly<Record<string, Basis>> = { estimate: 'community estimate', forecast: 'community estimate', reported: 'reported', documented: 'documented' };

/** Status groups by severity, each with colours per basis: documented darkest, estimate palest. */
const GROUPS: readonly { readonly group: StatusGroup; readonly colors: Readonly<Record<Basis, string>> }[] = [
  { group: 'disconnected', colors: { 'community estimate': '#d9d9d9', reported: '#969696', documented: '#525252', 'path not recorded': '#bdbdbd' } },
  { group: 'restricted', colors: { 'community estimate': '#fdd0a2', reported: '#fd8d3c', documented: '#d94801', 'path not recorded': '#fdae6b' } },
  { group: 'in review', colors: { 'community estimate': '#dadaeb', reported: '#9e9ac8', documented: '#6a51a3', 'path not recorded': '#bcbddc' } },
  { group: 'banned / disabled', colors: { 'community estimate': '#f1b6da', reported: '#fb6a4a', documented: '#a50f15', 'path not recorded': '#ef3b2c' } },
];

/** A status as the timeline names it. */
export interface StatusState {
  readonly name: string;
  readonly color: string;
}

/**
 * Every state of the timeline, codes = index, ordered by severity (a timeline strip stacks the
 * shares of runs from the least severe at the bottom to the most severe on top; an hour under
 * several enforcements takes the most severe): connected, flagged, then each status group by basis.
 */
export const STATUS_STATES: readonly StatusState[] = [
  { name: 'connected', color: '#c6dbef' },
  { name: 'flagged (low quality)', color: '#e6b800' },
  ...GROUPS.flatMap(({ group, colors }) => BASES.map((basis) => ({ name: `${group} · ${basis}`, color: colors[basis] }))),
];

const CODE_OF = new Map(STATUS_STATES.map((s, i) => [s.name, i]));

/** The status series' codes (src/model/series-codes.ts STATUS_CODES) as status groups, for hours no enforcement record covers. */
const GROUP_OF_STATUS_CODE: Readonly<Record<number, StatusGroup>> = {
  [STATUS_CODES.RESTRICTED]: 'restricted',
  [STATUS_CODES.PENDING_REVIEW]: 'in review',
  [STATUS_CODES.DISCONNECTED]: 'disconnected',
  [STATUS_CODES.BANNED]: 'banned / disabled',
};
const FLAGGED = STATUS_CODES.FLAGGED;

function code(group: StatusGroup, basis: Basis): number {
  return CODE_OF.get(`${group} · ${basis}`) ?? 0;
}

/** Hour index whose recorded value (the state at the hour's end) is the first at or after `day`. */
const hourAt = (day: number): number => Math.ceil(day * 24 - 1e-6) - 1;

/**
 * The state code (an index into STATUS_STATES) of `number` in `run` for each of `hours` hours, or
 * undefined when the run has no status series for it. A status series value is the state at the
 * end of its hour, so an enforcement covers the hours whose end falls inside it. An hour under
 * several enforcements takes the most severe; a status the series shows with no enforcement
 * record behind it takes its neighbour's path within an hour, else 'path not recorded'.
 * Why: the timeline colours a documented restriction apart from one that rests on an estimate.
 * Cost: hours + enforcements × their length.
 * @example statusStateSeries(run, 'sales-1', 336) // [0, 0, …, 6, 6, …]
 */
export function statusStateSeries(run: RunResult, number: string, hours: number): number[] | undefined {
  const status = run.series[`status.${number}`];
  if (!status) return undefined;
  const out: number[] = Array.from({ length: hours }, (_, h) => (status[h] === FLAGGED ? 1 : 0));
  const fromRecords: number[] = new Array<number>(hours).fill(-1);
  for (const e of run.summary.enforcements ?? []) {
    const group = (STATUS_OF_KIND as Readonly<Record<string, StatusGroup | null>>)[e.kind];
    if (e.number !== number || !group) continue;
    const c = code(group, BASIS_OF_LABEL[enforcementBasis(e).label] ?? 'path not recorded');
    const to = e.endDay === null || e.endDay === undefined ? hours : Math.min(hours, hourAt(e.endDay));
    for (let h = Math.max(0, hourAt(e.startDay)); h < to; h++) fromRecords[h] = Math.max(fromRecords[h], c);
  }
  for (let h = 0; h < hours; h++) {
    const group = GROUP_OF_STATUS_CODE[status[h]];
    const near = Math.max(fromRecords[h - 1] ?? -1, fromRecords[h + 1] ?? -1);
    const c = fromRecords[h] >= 0 ? fromRecords[h] : group ? (near >= 0 ? near : code(group, 'path not recorded')) : -1;
    out[h] = Math.max(out[h], c);
  }
  return out;
}
