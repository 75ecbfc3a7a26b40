/**
 * JUnit XML, the test-report format CI systems read (GitLab, Jenkins, GitHub actions that publish
 * test results): `<testsuites>` of `<testsuite>`s of `<testcase>`s, a failed case carrying a
 * `<failure message=…>`. Every text is escaped, and characters XML 1.0 does not allow (control
 * characters, lone surrogates) become U+FFFD, so any variant or strategy name gives a well-formed file.
 */

/** One test case: passed unless it has a failure, or skipped with a reason. */
export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  /** A failed case: a one-line message, the details (several lines) and the kind of failure (`threshold`, `drift`). */
  readonly failure?: { readonly message: string; readonly details: string; readonly type: string };
  readonly skipped?: string;
}

/** A named group of cases. */
export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Characters outside XML 1.0's Char production. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * `text` escaped for an XML attribute value (tabs and line breaks as character references, so
 * the value keeps them), with characters XML forbids replaced by U+FFFD.
 * @example escapeXml('a < b & "c"\u0001') // 'a &lt; b &amp; &quot;c&quot;\uFFFD'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]);
}

/** `text` escaped for element content: as escapeXml, but tabs and line feeds stay as they are. */
function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ESCAPES[c]);
}

/**
 * The JUnit XML document of `suites` under one `<testsuites name=…>`, with the counts of tests,
 * failures and skipped cases on each level; no times (the file is the same for the same results).
 * Why: `run --junit` and `baseline check --junit` hand CI one test report. Cost O(cases).
 * @example junitXml('wabasim thresholds', [{ name: 'base × blast', cases: [{ classname: 'x', name: 'delivered: mean>0' }] }])
 */
export function junitXml(name: string, suites: readonly JunitSuite[]): string {
  const counts = (cases: readonly JunitCase[]): string =>
    `tests="${cases.length}" failures="${cases.filter((c) => c.failure).length}" errors="0" skipped="${cases.filter((c) => c.skipped !== undefined && !c.failure).length}"`;
  const testcase = (c: JunitCase): string => {
    const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
    if (c.failure) return `${open}>\n      <failure message="${escapeXml(c.failure.message)}" type="${escapeXml(c.failure.type)}">${escapeXmlText(c.failure.details)}</failure>\n    </testcase>`;
    if (c.skipped !== undefined) return `${open}>\n      <skipped message="${escapeXml(c.skipped)}"/>\n    </testcase>`;
    return `${open}/>`;
  };
  const all = suites.flatMap((s) => s.cases);
  const body = suites.map((s) => `  <testsuite name="${escapeXml(s.name)}" ${counts(s.cases)}>\n${s.cases.map(testcase).join('\n')}${s.cases.length ? '\n' : ''}  </testsuite>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(name)}" ${counts(all)}>\n${body.map((b) => `${b}\n`).join('')}</testsuites>\n`;
}
