/**
 * The page's style sheet, inline so that the page needs nothing beyond itself. It follows the
 * SEC's rendering (sans-serif titles, the filing's values in blue serif, footnote text in green)
 * and prints in landscape on A4 and Letter alike: the page box is set by `size: landscape` only,
 * so the printer's paper decides the size, and no table row is cut across two pages.
 */
export const STYLE = `
:root { color-scheme: light; }
body { margin: 0; padding: 16px; background: #fff; color: #000; font: 11px/1.3 Arial, Helvetica, sans-serif; }
.form { max-width: 1400px; margin: 0 auto; }
.value, .sig-mark, .form-table td, .fn-text, .remarks { color: #00c; font-family: Times, 'Times New Roman', serif; font-size: 12px; }
.fn-text { color: #060; }
sup.fn { font-size: 8px; color: #00c; margin-left: 2px; }
.instr { font-weight: normal; }
.form-head { display: grid; grid-template-columns: 30% 1fr 190px; gap: 8px; border-bottom: 3px solid #000; padding-bottom: 6px; }
.sec-form { font-size: 10px; }
.form-number { font-size: 22px; font-weight: bold; margin-bottom: 6px; }
.amendment { font-size: 12px; }
.exit { display: flex; gap: 6px; align-items: flex-start; font-size: 10px; margin-top: 4px; }
.agency { text-align: center; }
.agency-name { font-weight: bold; font-size: 13px; }
.agency h1 { font-size: 14px; margin: 6px 0; }
.pursuant { font-size: 10px; }
table.omb { border: 1px solid #000; border-collapse: collapse; font-size: 10px; height: fit-content; }
table.omb th, table.omb td { border: 1px solid #000; padding: 2px 4px; }
.checkbox { display: inline-block; flex: none; width: 12px; height: 12px; line-height: 12px; border: 1px solid #000; text-align: center; font-weight: bold; font-size: 10px; color: #000; font-family: Arial, sans-serif; vertical-align: middle; }
.boxes { display: grid; grid-template-columns: 30% 1fr 1fr; border-bottom: 1px solid #000; }
.box { border-right: 1px solid #000; border-bottom: 1px solid #000; padding: 4px 6px; min-height: 24px; }
.box-column .box:last-child { border-bottom: none; }
.box-title { font-weight: bold; font-size: 10.5px; margin-bottom: 4px; }
.line { min-height: 16px; border-bottom: 1px solid #999; margin-top: 4px; }
.under { font-size: 9px; color: #333; }
.three { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4px; }
.choices { display: grid; grid-template-columns: 1fr 1fr; gap: 3px 8px; }
.choice { display: flex; gap: 4px; align-items: center; margin: 2px 0; }
.other-owners { display: grid; grid-template-columns: 1fr 1fr; border: 1px solid #000; border-top: none; }
.other-owner { display: contents; }
.table-section { margin-top: 10px; }
table.form-table { width: 100%; border-collapse: collapse; table-layout: auto; }
table.form-table caption { font-weight: bold; text-align: center; padding: 3px; border-top: 1px solid #888; border-bottom: 1px solid #888; font-size: 11px; }
table.form-table th { font-size: 9.5px; font-weight: bold; border: 1px solid #000; padding: 2px 3px; vertical-align: top; text-align: left; }
table.form-table tr.subtitles th { text-align: center; vertical-align: bottom; }
table.form-table td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
td.c { text-align: center; }
td.r { text-align: right; white-space: nowrap; }
tr.damaged td { background: #fff4d6; }
.unreadable { color: #a00; text-decoration: underline wavy #c00; }
.finding-error { outline: 2px solid #d00; outline-offset: -2px; background-color: #fde8e8; }
.finding-warning { outline: 2px solid #d80; outline-offset: -2px; background-color: #fff3d6; }
.finding-information { outline: 2px dotted #06c; outline-offset: -2px; }
.finding-hint { text-decoration: underline dotted #666; }
.explanation { margin-top: 10px; }
.section-title, .remarks-title { font-weight: bold; margin-top: 6px; }
ol.footnotes { list-style: none; padding: 0; margin: 4px 0; }
ol.footnotes li { margin: 2px 0; }
.fn-number { font-family: Times, serif; color: #060; font-size: 12px; }
.remarks { white-space: pre-wrap; }
.signatures { display: flex; justify-content: flex-end; margin-top: 14px; }
table.signature-table { border-collapse: collapse; min-width: 45%; }
table.signature-table td { padding: 2px 8px; }
tr.signature td { border-bottom: 1px solid #000; min-height: 16px; }
tr.signature-labels td { font-size: 10px; }
.reminders { margin-top: 14px; font-size: 10px; }
.reminders p { margin: 2px 0; }
.unshown { margin-top: 12px; border-top: 1px solid #888; font-size: 10px; }
.unshown li { margin: 2px 0; }
@page { size: landscape; margin: 10mm; }
@media print {
  body { padding: 0; font-size: 9px; }
  .form { max-width: none; }
  .value, .form-table td, .fn-text, .remarks { font-size: 9.5px; }
  table.form-table th { font-size: 8px; }
  tr, li, .box, .signatures { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .finding { outline: none; background: none; text-decoration: none; }
  .unshown { display: none; }
}
`;
