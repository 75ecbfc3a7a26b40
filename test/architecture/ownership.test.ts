/**
 * One owner per state (issue 17, STYLE.md habit 13): a state field is written only in the module
 * that owns it. owners.ts maps `Interface.field` to that module; find-writes.ts finds every write
 * with the TypeScript compiler API and names the field by the interface that declares it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cruise.js';
import { createProgramFromConfig, declaredFields, describeViolation, findWrites, ownershipViolations } from './find-writes.js';
import { OWNERS } from './owners.js';

const TSCONFIG = join(REPO_ROOT, 'tsconfig.json');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const SRC_FILES = tsFilesUnder(join(REPO_ROOT, 'src'));
const SRC_PROGRAM = createProgramFromConfig(TSCONFIG, SRC_FILES);

test('every owned state field is written only in its owner module', () => {
  const violations = ownershipViolations(findWrites(SRC_PROGRAM, SRC_FILES, REPO_ROOT), OWNERS);
  assert.ok(violations.length === 0, `${violations.length} write(s) outside the owner\n  ${violations.map(describeViolation).join('\n  ')}`);
});

test('every field of an owned interface has an owner, and every entry names a field that exists', () => {
  const names = new Set(Object.keys(OWNERS).map((k) => k.slice(0, k.indexOf('.'))));
  const declared = declaredFields(SRC_PROGRAM, SRC_FILES, REPO_ROOT, names);
  const problems: string[] = [];
  for (const name of [...names].sort()) {
    const d = declared.get(name);
    if (!d) problems.push(`${name}: no interface of that name in src/`);
    else if (d.files.length > 1) problems.push(`${name}: declared in ${d.files.join(' and ')}, a key cannot tell them apart`);
    else {
      for (const f of d.fields) if (!(`${name}.${f}` in OWNERS)) problems.push(`${name}.${f}: no owner (${d.files[0]})`);
    }
  }
  for (const key of Object.keys(OWNERS)) {
    const [name, field] = key.split('.');
    const d = declared.get(name);
    if (d && !d.fields.includes(field)) problems.push(`${key}: no such field any more`);
  }
  assert.ok(problems.length === 0, `owners.ts is out of date\n  ${problems.join('\n  ')}`);
});

test('every owner is a file in src/', () => {
  const missing = [...new Set(Object.values(OWNERS))].filter((f) => !f.startsWith('src/') || !existsSync(join(REPO_ROOT, f)));
  assert.equal(missing, []);
});

const FIXTURE = 'test/architecture/fixtures/ownership';
const FIXTURE_FILES = ['state.ts', 'owner.ts', 'intruder.ts'].map((f) => join(REPO_ROOT, FIXTURE, f));
const FIXTURE_OWNERS: Record<string, string> = Object.fromEntries(
  ['count', 'note', 'log', 'cells', 'grid', 'stats', 'seen'].map((f) => [`Counter.${f}`, `${FIXTURE}/owner.ts`]),
);

test('the check reports each kind of write from outside the owner, and none from the owner', () => {
  const program = createProgramFromConfig(TSCONFIG, FIXTURE_FILES);
  const found = ownershipViolations(findWrites(program, FIXTURE_FILES, REPO_ROOT), FIXTURE_OWNERS).map(describeViolation);
  const at = (line: number, field: string, how: string): string =>
    `${FIXTURE}/intruder.ts:${line} writes Counter.${field} with ${how} (owner: ${FIXTURE}/owner.ts)`;
  assert.equal(found, [
    at(7, 'count', '='),
    at(8, 'count', '+='),
    at(9, 'count', '++'),
    at(10, 'note', 'delete'),
    at(11, 'count', '-='),
    at(12, 'log', '.push('),
    at(13, 'log', '='),
    at(14, 'cells', '='),
    at(15, 'cells', '.set('),
    at(16, 'grid', '='),
    at(17, 'stats', '++'),
    at(18, 'stats', '='),
    at(19, 'seen', '.delete('),
    at(20, 'count', '='),
    at(21, 'stats', 'Object.assign('),
  ]);
});

test.run();
