import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeXml, junitXml } from '../../src/format/index.js';
import { parseJunit } from './parse-junit.js';

const HOSTILE = 'a<b>&"c"\'d\' ]]> \u0001\u0008\u000b\ud800 tab\tline\nend é 😀';

test('escapeXml escapes markup and replaces characters XML 1.0 forbids', () => {
  assert.is(escapeXml('a < b & "c"'), 'a &lt; b &amp; &quot;c&quot;');
  assert.is(escapeXml('\u0001\ud800x\ufffe'), '\ufffd\ufffdx\ufffd');
  assert.is(escapeXml('😀 é'), '😀 é', 'astral and accented characters stay');
  assert.is(escapeXml('a\tb\nc\rd'), 'a&#9;b&#10;c&#13;d');
});

test('a document with hostile names is well-formed and reads back: counts, names, failure message and details', () => {
  const xml = junitXml(`suite ${HOSTILE}`, [
    { name: HOSTILE, cases: [
      { classname: HOSTILE, name: 'passes' },
      { classname: HOSTILE, name: `fails ${HOSTILE}`, failure: { message: `observed ${HOSTILE}`, details: `line 1\nline 2 ${HOSTILE}`, type: 'threshold' } },
      { classname: 'c', name: 'skipped', skipped: 'not run' },
    ] },
    { name: 'empty', cases: [] },
  ]);
  const doc = parseJunit(xml);
  const clean = HOSTILE.replace(/[\u0001\u0008\u000b\ud800]/g, '\ufffd');
  assert.equal([doc.testsuites['@_tests'], doc.testsuites['@_failures'], doc.testsuites['@_skipped']], ['3', '1', '1']);
  const [suite, empty] = doc.testsuites.testsuite ?? [];
  assert.is(suite['@_name'], clean);
  assert.is(empty['@_tests'], '0');
  assert.equal((suite.testcase ?? []).map((c) => c['@_name']), ['passes', `fails ${clean}`, 'skipped']);
  assert.is(suite.testcase![1].failure?.['@_message'], `observed ${clean}`);
  assert.is(suite.testcase![1].failure?.['@_type'], 'threshold');
  assert.is(suite.testcase![1].failure?.['#text'], `line 1\nline 2 ${clean}`);
  assert.is(suite.testcase![2].skipped?.['@_message'], 'not run');
});

test.run();
