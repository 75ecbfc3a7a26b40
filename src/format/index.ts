/** Formatting shared by the CLI and the report: numbers and plain-text tables. */
export { formatNumberPlain, formatNumberRounded } from './number.js';
export { formatTable } from './table.js';
export { formatCsv } from './csv.js';
export { escapeXml, junitXml, type JunitCase, type JunitSuite } from './junit.js';
