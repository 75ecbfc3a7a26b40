/** Comma-separated values as RFC 4180 writes them. */

/**
 * One CSV record per row, CRLF-terminated (RFC 4180 §2): a field holding a comma, a double quote,
 * CR or LF is quoted, its quotes doubled; numbers as JavaScript prints them (full precision).
 * Why: `--csv` output must open in spreadsheets and parse back whatever the variant names hold.
 * Cost O(characters).
 * @example formatCsv([['variant', 'n'], ['clean list (0.5%, opted in)', 3]]) // 'variant,n\r\n"clean list (0.5%, opted in)",3\r\n'
 */
export function formatCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
