// Text bound for a spreadsheet (a CSV or xlsx an auditor opens) must stay text. Excel, LibreOffice
// and Google Sheets take a cell that begins with = + - or @ for a formula, and a leading tab or
// carriage return hides such a start; a form's `=HYPERLINK(…)` would become a live link, `=cmd|…` a
// command, on opening the file or when the auditor edits the cell. The OWASP rule: a ' in front, so
// the cell reads as the text it is. Only text: a number (a negative amount) is written as a number.
//
// One of these characters alone can't be a formula: the feed's comparator `=` and the reports' `-`
// (a group not on the form) stay as written, so programs reading the CSV feed still see `=`.
const FORMULA_START = /^[=+\-@\t\r]./su;

export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
