/**
 * Import rules of wabasim (STYLE.md habits 1 and 13, issue 17). Checked by
 * test/architecture/imports.test.ts in `npm test`; `npx depcruise src` prints the same verdict.
 * Paths are relative to the repo root (or to a fixture root in the tests).
 * Type-only imports count: `tsPreCompilationDeps: true` keeps `import type` edges in the graph.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-knows-no-model',
      comment: 'src/engine/ is the WhatsApp-free DES core: clock, queue, dispatch, RNG (habit 1)',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(model|strategies|run|report|policy)/' },
    },
    {
      name: 'strategies-see-only-the-observable-api',
      comment: 'a strategy is a sender: it sees the observable API and its error codes, never model internals or the pipeline',
      severity: 'error',
      from: { path: '^src/strategies/' },
      to: {
        path: '^src/(model|run|report)/',
        pathNot: '^src/model/(observable|codes)[.]ts$',
      },
    },
    {
      name: 'no-circular',
      comment: 'no import circles in src/, type-only imports included (habit 13: mechanisms that need each other share a small module)',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-sees-no-pipeline',
      comment: 'the model is run by the pipeline, never the other way round (habit 7)',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(run|report|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js'],
    },
  },
};
