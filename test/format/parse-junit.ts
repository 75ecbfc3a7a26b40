/**
 * Reads a JUnit XML report with fast-xml-parser, a dev dependency used by tests only: an
 * independent parser, so "well-formed" is not judged by the code that wrote the file.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as assert from 'uvu/assert';

export interface ParsedCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
}
export interface ParsedSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase?: ParsedCase[];
}
export interface ParsedJunit {
  testsuites: { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testsuite?: ParsedSuite[] };
}

/** `xml` parsed (attributes under `@_`, every suite and case a list, character references decoded); fails the test when it is not well-formed. */
export function parseJunit(xml: string): ParsedJunit {
  const valid = XMLValidator.validate(xml);
  assert.ok(valid === true, `not well-formed: ${JSON.stringify(valid)}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  return parser.parse(xml) as ParsedJunit;
}
