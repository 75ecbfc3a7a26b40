/**
 * Throws mapped to the user's source (strategy-stack.ts): the realm's stacks are readable text
 * (SES errorTaming 'unsafe') but never hand out V8 call sites; a frame in the bundle maps through
 * its inline source map to the user's file, line and column, skipping the kit's own frames.
 */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleStrategy, KIT_SPECIFIER } from '../../src/run/strategy-bundle.js';
import { strategyRealm } from '../../src/run/strategy-realm.js';
import { throwSite } from '../../src/run/strategy-stack.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'wabasim-stack-')));
const roots = { anywhere: true as const };

test('stack text is readable in the realm, but prepareStackTrace yields no call-site objects', async () => {
  const path = join(dir, 'probe.mjs');
  writeFileSync(path, "export default { name: 'p', description: 'd', create() { Error.prepareStackTrace = (e, sites) => sites; const s = new Error('x').stack; return { onCampaignStart() {}, kind: typeof s, isList: Array.isArray(s) }; } };\n");
  const realm = strategyRealm();
  const mod = realm.evaluate(await bundleStrategy(path, roots)) as { default: unknown };
  const s = realm.create(mod.default, '{}') as { kind: string; isList: boolean };
  assert.equal([s.kind, s.isList], ['string', false]);
});

test("a throw inside the kit, called from the user's code, maps to the user's line", async () => {
  const path = join(dir, 'via-kit.ts');
  const source = `import { createDailySender } from '${KIT_SPECIFIER}';
const sender = createDailySender({ startHour: 0, hours: 24 }, 5, {
  quota: () => 1,
  fill: () => 'sent',
});
export default {
  name: 'via-kit', description: 'd',
  create() {
    return {
      onCampaignStart(api: unknown) {
        sender.onCampaignStart(api as never, { id: 'c' } as never);
      },
    };
  },
};
`;
  writeFileSync(path, source);
  const program = await bundleStrategy(path, roots);
  const realm = strategyRealm();
  const mod = realm.evaluate(program) as { default: unknown };
  const s = realm.create(mod.default, '{}') as { onCampaignStart: unknown };
  let thrown: unknown;
  try {
    realm.invoke(s, s.onCampaignStart, {}, {});
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown, 'the kit throws on a facade without campaigns()');
  assert.match(throwSite(thrown, program), `via-kit.ts:11:16)`);
});

test('no stack, a stack without the bundle, or a program without a map: no site', () => {
  assert.is(throwSite('a string', 'x'), '');
  assert.is(throwSite({ stack: 'Error\n  at elsewhere.js:1:1' }, 'x'), '');
  assert.is(
    throwSite({
      get stack(): string {
        throw new Error('getter');
      },
    }, 'x'),
    '',
  );
});

test.run();
