/** The report's stylesheet (inlined): system fonts only, readable on a laptop, printable. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #e2e2e2; --accent: #0b6e4f; }
* { box-sizing: border-box; }
html { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.5; color: var(--ink); background: #f6f7f8; }
body { margin: 0; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; background: white; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.3rem; margin: 2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.6em 0 0.4em; }
p { margin: 0.5em 0; max-width: 80ch; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.86em; }
.kicker { color: var(--muted); font-size: 0.9rem; margin: 0; text-transform: uppercase; letter-spacing: 0.04em; }
.question { font-size: 1.2rem; border-left: 4px solid var(--accent); padding: 0.3em 0 0.3em 0.9em; margin: 0.8em 0; max-width: 90ch; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em; margin: 1em 0; font-size: 0.95rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
nav.toc { font-size: 0.92rem; margin: 1em 0; }
nav.toc a { color: var(--accent); margin-right: 1em; white-space: nowrap; }
.note { background: #fff8ec; border: 1px solid #f0c98a; border-radius: 6px; padding: 0.8em 1.1em; margin: 1.5em 0; }
.note h2 { margin: 0.2em 0 0.4em; border: none; font-size: 1.1rem; }
.note ul { margin: 0.4em 0; padding-left: 1.2em; }
.note li { margin: 0.3em 0; }
.note ul.groups.wide { columns: 2; column-gap: 2em; }
.note ul.groups li { break-inside: avoid; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9rem; }
th, td { padding: 0.3em 0.7em; line-height: 1.3; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid #c8c8c8; text-align: left; background: #fafafa; }
table.enforcement td.num, table.enforcement th.num { text-align: right; white-space: nowrap; }
table.enforcement td { max-width: 46ch; }
table.enforcement td.path { white-space: nowrap; }
table.enforcement tr.estimate td { background: #fffaf2; }
table.enforcement tr.estimate td:first-child { box-shadow: inset 3px 0 0 #d9902f; }
table.enforcement tr.indicator td { font-style: italic; color: #5a4a2f; }
table.kpi td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kpi thead th:not(:first-child) { text-align: right; }
table.kpi thead tr.variants th { text-align: center; border-bottom: 1px solid #c8c8c8; background: #f1f3f4; }
table.kpi .vstart { border-left: 2px solid #d0d0d0; }
table.kpi tbody th { text-align: left; font-weight: 500; min-width: 13em; }
table.kpi th.sub { font-weight: 400; padding-left: 1.8em; color: var(--muted); }
.mean { font-weight: 600; }
.sd { color: var(--muted); }
.range { color: var(--muted); font-size: 0.8rem; font-weight: 400; }
td.na { color: #9a9a9a; text-align: center; }
.variant-desc { color: var(--muted); }
figure { margin: 1.4em 0 2em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #3c4043; font-size: 0.92rem; max-width: 95ch; margin-top: 0.4em; }
.rests { display: block; margin-top: 0.3em; font-size: 0.85rem; color: #8a4b00; }
.skipped { color: var(--muted); font-size: 0.9rem; }
table.params { width: 100%; font-size: 0.84rem; table-layout: fixed; }
table.params th, table.params td { overflow-wrap: anywhere; text-align: left; }
table.params col.c-path { width: 25%; }
table.params col.c-label { width: 7.5em; }
table.params col.c-source { width: 34%; }
table.params.many col.c-path { width: 22%; }
table.params.many col.c-source { width: 28%; }
table.params thead th { overflow-wrap: normal; }
table.params td.source { color: var(--muted); font-size: 0.8rem; }
table.params tr.group th { background: #f1f3f4; text-align: left; font-weight: 600; padding-top: 0.6em; }
table.params tr.uncertain th code { color: #8a4b00; }
.unit { color: var(--muted); font-size: 0.85em; }
.set { font-size: 0.75rem; color: #0b4f8a; border: 1px solid #7ba2d6; border-radius: 3px; padding: 0 0.3em; white-space: nowrap; }
.lbl { display: inline-block; font-size: 0.75rem; line-height: 1.35; padding: 0 0.4em; border-radius: 3px; border: 1px solid #bbb; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.lbl-documented { background: #e6f4e4; color: #1b5e20; border-color: #7cb87a; }
.lbl-reported { background: #e4eefa; color: #0d3c8a; border-color: #7ba2d6; }
.lbl-estimate { background: #fff0d9; color: #8a4b00; border: 1px dashed #d9902f; font-style: italic; }
.lbl-forecast { background: #f2e7f8; color: #5b2a86; border: 1px dotted #8e5cb5; font-style: italic; }
a.cite { color: var(--accent); text-decoration: none; border-bottom: 1px dotted currentColor; }
ol.sources { padding-left: 1.6em; font-size: 0.88rem; }
ol.sources li { margin: 0.7em 0; break-inside: avoid; page-break-inside: avoid; }
ol.sources p { margin: 0.15em 0; max-width: 110ch; }
ol.sources cite { font-style: italic; }
.url { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 700px) { main { padding: 16px; } .facts { grid-template-columns: 1fr; } }
@media print {
  html { background: white; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  .note, figure, ol.sources li { break-inside: avoid; page-break-inside: avoid; }
  /* charts fill the text width, all at one scale (each SVG is drawn CHART_WIDTH wide) */
  figure svg { width: 100%; }
  table { break-inside: auto; width: 100%; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  table.kpi { font-size: 8pt; width: auto; }
  table.kpi td, table.kpi th { white-space: normal; padding: 0.2em 0.35em; }
  table.kpi tbody th { min-width: 9em; }
  /* the enforcement table in fixed columns, so "Why" gets the room and nothing runs past the margin */
  table.enforcement { table-layout: fixed; font-size: 8.5pt; }
  table.enforcement td, table.enforcement th { max-width: none; white-space: normal; overflow-wrap: anywhere; padding: 0.25em 0.4em; }
  table.enforcement th.c-variant { width: 12%; }
  table.enforcement th.c-strategy { width: 11%; }
  table.enforcement th.c-action { width: 14%; }
  table.enforcement th.c-path { width: 17%; }
  table.enforcement th.c-runs { width: 8%; }
  table.enforcement th.c-first { width: 11%; }
  table.enforcement td.num { white-space: nowrap; }
  table.enforcement th.num { white-space: normal; text-align: right; }
  #charts h2 + p { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  table.params { font-size: 8pt; }
  table.params col.c-path { width: 28%; }
  table.params col.c-source { width: 36%; }
  table.params.many col.c-path { width: 22%; }
  table.params.many col.c-source { width: 28%; }
  ol.sources { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
  a.cite { border-bottom: none; text-decoration: underline dotted; }
}
@page { margin: 14mm 12mm; }
`;
