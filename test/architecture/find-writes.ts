/**
 * Finds every write to a state field in a TypeScript program and names the field by the interface
 * that declares it (`NumberState.quality`), so a test can compare writers with owners (STYLE.md
 * habit 13, issue 17).
 *
 * A write is an assignment (`=`, `+=`, `??=` …, destructuring targets included), `++`/`--`,
 * `delete`, a call of a mutating method on the field (`x.f.push(…)`, `x.f.set(…)`, `x.f[i].fill(…)`)
 * or `Object.assign(x.f, …)`. The target `x.f`, `x.f[i]` or `x.f[i][j]` counts as a write of `f`.
 * A property declared outside the program's own interfaces (an anonymous object type, a
 * `Record<…>`, `Array.length`) counts as a write of the field that holds it: `t.stats.held++` is a
 * write of `TemplateState.stats`.
 *
 * Not seen (by design, it would need data-flow analysis): writes through a local alias
 * (`const a = m.lastReply; a[i] = t`) and writes inside a function that receives the field
 * (`touch(pool.window, …)` writes `UniqueCounter` fields inside unique-counter.ts, which is fine).
 *
 * Uses the classic TypeScript compiler API (`typescript` resolves to @typescript/typescript6: the
 * TypeScript 7 package ships no JavaScript compiler API; see test/architecture/README.md).
 */
import ts from 'typescript';
import { dirname, relative, sep } from 'node:path';

export interface FieldWrite {
  /** File relative to the root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  /** `Interface.field`. */
  readonly field: string;
  /** What the write looks like: `=`, `+=`, `++`, `delete`, `.push(` … */
  readonly how: string;
}

/** Methods that change the array, typed array, map or set they are called on. */
export const MUTATING_METHODS: readonly string[] = [
  'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'delete', 'clear', 'add',
];

const ASSIGNMENT_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** Strips parentheses, `!`, `as` and `satisfies` around an expression. */
function skipOuter(node: ts.Expression): ts.Expression {
  let n = node;
  while (
    ts.isParenthesizedExpression(n) ||
    ts.isNonNullExpression(n) ||
    ts.isAsExpression(n) ||
    ts.isSatisfiesExpression(n) ||
    ts.isTypeAssertionExpression(n)
  ) {
    n = n.expression;
  }
  return n;
}

/** The property accesses of a write target, innermost written property first: `a.b.c[i]` gives [`a.b.c`, `a.b`]. */
function propertyChain(target: ts.Expression): ts.PropertyAccessExpression[] {
  const chain: ts.PropertyAccessExpression[] = [];
  let n = skipOuter(target);
  while (ts.isElementAccessExpression(n)) n = skipOuter(n.expression);
  while (ts.isPropertyAccessExpression(n)) {
    chain.push(n);
    n = skipOuter(n.expression);
    while (ts.isElementAccessExpression(n)) n = skipOuter(n.expression);
  }
  return chain;
}

/** The name of the interface or type alias declared in one of `own` files that declares `decl`, if any. */
function declaringTypeName(decl: ts.Declaration, own: (f: ts.SourceFile) => boolean): string | undefined {
  if (!own(decl.getSourceFile())) return undefined;
  const parent = decl.parent;
  if (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) return parent.name?.text;
  if (ts.isTypeLiteralNode(parent) && ts.isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
  return undefined;
}

/**
 * The field a property access names, as `Interface.field`, or undefined when its declaration is
 * not a member of a named interface, class or object type alias in the program's own files.
 */
function fieldName(checker: ts.TypeChecker, access: ts.PropertyAccessExpression, own: (f: ts.SourceFile) => boolean): string | undefined {
  const symbol = checker.getSymbolAtLocation(access.name);
  if (!symbol) return undefined;
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  for (const decl of resolved.declarations ?? []) {
    const owner = declaringTypeName(decl, own);
    if (owner) return `${owner}.${access.name.text}`;
  }
  return undefined;
}

/** The field a write target writes: the innermost property declared by one of the program's interfaces. */
function writtenField(checker: ts.TypeChecker, target: ts.Expression, own: (f: ts.SourceFile) => boolean): string | undefined {
  for (const access of propertyChain(target)) {
    const name = fieldName(checker, access, own);
    if (name) return name;
  }
  return undefined;
}

/** The expressions a destructuring or plain assignment writes to. */
function assignmentTargets(left: ts.Expression): ts.Expression[] {
  const n = skipOuter(left);
  if (ts.isArrayLiteralExpression(n)) {
    return n.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : assignmentTargets(ts.isSpreadElement(e) ? e.expression : e)));
  }
  if (ts.isObjectLiteralExpression(n)) {
    return n.properties.flatMap((p) => {
      if (ts.isPropertyAssignment(p)) return assignmentTargets(p.initializer);
      if (ts.isSpreadAssignment(p)) return assignmentTargets(p.expression);
      return [];
    });
  }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) return assignmentTargets(n.left);
  return [n];
}

/** The writes one node makes, as (target, how) pairs. */
function writesOf(node: ts.Node): [ts.Expression, string][] {
  if (ts.isBinaryExpression(node) && ASSIGNMENT_OPERATORS.has(node.operatorToken.kind)) {
    const how = ts.tokenToString(node.operatorToken.kind) ?? '=';
    return assignmentTargets(node.left).map((t) => [t, how]);
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    return [[node.operand, ts.tokenToString(node.operator) ?? '++']];
  }
  if (ts.isDeleteExpression(node)) return [[node.expression, 'delete']];
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (MUTATING_METHODS.includes(method)) return [[callee.expression, `.${method}(`]];
      const receiver = skipOuter(callee.expression);
      if (method === 'assign' && ts.isIdentifier(receiver) && receiver.text === 'Object' && node.arguments[0]) {
        return [[node.arguments[0], 'Object.assign(']];
      }
    }
  }
  return [];
}

/** Every field write in `files`, in file then line order. `root` makes the file names relative. */
export function findWrites(program: ts.Program, files: readonly string[], root: string): FieldWrite[] {
  const checker = program.getTypeChecker();
  const own = (f: ts.SourceFile): boolean => !f.isDeclarationFile && !program.isSourceFileDefaultLibrary(f) && !program.isSourceFileFromExternalLibrary(f);
  const found: FieldWrite[] = [];
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`not in the program: ${fileName}`);
    const file = relative(root, source.fileName).split(sep).join('/');
    const visit = (node: ts.Node): void => {
      for (const [target, how] of writesOf(node)) {
        const field = writtenField(checker, target, own);
        if (field) found.push({ file, line: source.getLineAndCharacterOfPosition(target.getStart(source)).line + 1, field, how });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** A program over `files` with the compiler options of the tsconfig at `configPath`. */
export function createProgramFromConfig(configPath: string, files: readonly string[]): ts.Program {
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  return ts.createProgram({ rootNames: files, options: { ...parsed.options, noEmit: true } });
}

export interface OwnershipViolation extends FieldWrite {
  readonly owner: string;
}

/** The writes of an owned field from a file other than its owner. Fields not in `owners` are not checked. */
export function ownershipViolations(writes: readonly FieldWrite[], owners: Readonly<Record<string, string>>): OwnershipViolation[] {
  return writes.flatMap((w) => {
    const owner = owners[w.field];
    return owner !== undefined && owner !== w.file ? [{ ...w, owner }] : [];
  });
}

/** One line per violation: `file:line writes Interface.field (owner: …)`. */
export function describeViolation(v: OwnershipViolation): string {
  return `${v.file}:${v.line} writes ${v.field} with ${v.how} (owner: ${v.owner})`;
}

/**
 * The fields of each named interface (or object type alias) declared in `files`, with the files
 * that declare it: a name declared in two files is ambiguous for `Interface.field` keys.
 */
export function declaredFields(program: ts.Program, files: readonly string[], root: string, names: ReadonlySet<string>): Map<string, { files: string[]; fields: string[] }> {
  const checker = program.getTypeChecker();
  const found = new Map<string, { files: string[]; fields: string[] }>();
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`not in the program: ${fileName}`);
    const file = relative(root, source.fileName).split(sep).join('/');
    for (const statement of source.statements) {
      const isNamedType = ts.isInterfaceDeclaration(statement) || (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type));
      if (!isNamedType || !names.has(statement.name.text)) continue;
      const type = checker.getTypeAtLocation(statement.name);
      const entry = found.get(statement.name.text) ?? { files: [], fields: [] };
      entry.files.push(file);
      entry.fields = checker.getPropertiesOfType(type).map((p) => p.name);
      found.set(statement.name.text, entry);
    }
  }
  return found;
}
