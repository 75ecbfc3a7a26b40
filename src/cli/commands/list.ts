/** `wabasim list policies|scenarios|strategies` — what ships, with `--params` for a profile's parameters. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listParams, PROFILE_IDS, PROFILES } from '../../policy/index.js';
import { readJsonFile } from '../../scenario/index.js';
import { BUILTIN_STRATEGIES, type StrategyDefinition, type StrategyParamDoc } from '../../strategies/index.js';
import { isolatingResolver } from '../../run/isolated-strategies.js';
import { formatTable } from '../../format/index.js';

export const LIST_KINDS = ['policies', 'scenarios', 'strategies'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * Prints the list of `kind`; `--params` lists every parameter (of the profiles, or of the
 * strategies); `policy` narrows it to one profile; `modules` (--module PATH, strategies) adds
 * user strategy modules, described by a watched worker thread (their code never runs on this one).
 */
export async function listCommand(kind: ListKind, opts: { json: boolean; params: boolean; policy?: string; scenariosDir: string; modules?: readonly string[] }): Promise<void> {
  if (kind === 'strategies') {
    const modules = opts.modules?.length ? (await isolatingResolver()(opts.modules, '', '--strategy', [])).map((r) => r.definition) : [];
    return listStrategies([...BUILTIN_STRATEGIES, ...modules], opts);
  }
  return listOther(kind, opts);
}

/** The type column of a parameter: its kind, with a string's values or an object's fields. */
function typeCell(p: StrategyParamDoc): string {
  if (p.enum) return `${p.type} (${p.enum.join('|')})`;
  if (p.shape) return `object {${Object.entries(p.shape).map(([k, f]) => ` ${k}: ${f.type}${f.enum ? ` (${f.enum.join('|')})` : ''}`).join(',')} }`;
  return p.type;
}

/** `wabasim list strategies [--params] [--module PATH]`. */
function listStrategies(strategies: readonly StrategyDefinition[], opts: { json: boolean; params: boolean }): void {
  const out = (value: unknown, table: string): void => void process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${table}\n`);
  const show = (v: unknown): string => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
  if (opts.params) {
    const rows = strategies.flatMap((s) => Object.entries(s.params).map(([key, p]) => ({ strategy: s.name, parameter: key, ...p })));
    return out(rows, formatTable(['strategy', 'parameter', 'type', 'default', 'min', 'max', 'description'], rows.map((r) => [r.strategy, r.parameter, typeCell(r), show(r.default), r.min === undefined ? '' : String(r.min), r.max === undefined ? '' : String(r.max), r.description])));
  }
  const rows = strategies.map((s) => ({ name: s.name, description: s.description, source: s.source, params: s.params }));
  return out(rows, formatTable(['strategy', 'description', 'source', 'parameters'], rows.map((r) => [r.name, r.description, r.source, Object.entries(r.params).map(([k, p]) => `${k}=${show(p.default)}`).join(' ')])));
}

/** `wabasim list policies|scenarios`. */
function listOther(kind: ListKind, opts: { json: boolean; params: boolean; policy?: string; scenariosDir: string }): void {
  const out = (value: unknown, table: string): void => void process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${table}\n`);
  if (kind === 'policies' && opts.params) {
    const ids = opts.policy ? [opts.policy] : [...PROFILE_IDS];
    const rows = ids.flatMap((id) => listParams(PROFILES[id as keyof typeof PROFILES]).map(({ path, def }) => ({ policy: id, path, value: def.value, unit: def.unit, label: def.label, source: def.source, description: def.description, ...(def.range ? { range: def.range } : {}) })));
    // the plausible range `wabasim sensitivity` varies an estimate over; its source is in --json
    const range = (r: (typeof rows)[number]): string => (r.range ? (r.range.low === r.range.high ? 'not varied' : `${r.range.low}–${r.range.high}`) : '');
    return out(rows, formatTable(['policy', 'parameter', 'value', 'unit', 'label', 'plausible range', 'source'], rows.map((r) => [r.policy, r.path, JSON.stringify(r.value), r.unit, r.label, range(r), r.source])));
  }
  if (kind === 'policies') {
    const rows = PROFILE_IDS.map((id) => ({ id, version: PROFILES[id].version, title: PROFILES[id].title, description: PROFILES[id].description }));
    return out(rows, formatTable(['policy', 'version', 'description'], rows.map((r) => [r.id, r.version, r.description])));
  }
  const files = readdirSync(opts.scenariosDir).filter((f) => f.endsWith('.json') && !f.includes('_broken')).sort();
  const rows = files.map((f) => {
    const data = readJsonFile(join(opts.scenariosDir, f)) as { name?: string; question?: string };
    return { file: join(opts.scenariosDir, f), name: data.name ?? '', question: data.question ?? '' };
  });
  return out(rows, formatTable(['scenario', 'question'], rows.map((r) => [r.file, r.question])));
}
