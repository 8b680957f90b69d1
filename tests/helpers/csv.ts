// A CSV file as the fields a spreadsheet receives (RFC 4180), read without our writer's code, so a
// test sees each field's first character exactly as Excel would.
import fs from 'node:fs';

export function csvRows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/u, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(file: string): Record<string, string>[] {
  const [head, ...rows] = csvRows(file);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
