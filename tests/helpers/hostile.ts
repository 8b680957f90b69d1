// Hostile files of the shapes users and attackers send, made from the fixtures with real writers
// (JSZip re-zips a fixture's parts after editing them). Each is small on disk; what it claims inside
// is what would stop a naive reader.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { fixture } from './cli.ts';
import { writeZip } from './zip.ts';

async function editZip(file: string, part: RegExp, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(fixture(file)));
  const name = Object.keys(zip.files).find((n) => part.test(n));
  if (!name) throw new Error(`${file} has no part matching ${part}`);
  const parts: [string, Buffer][] = [];
  for (const [n, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    parts.push([n, n === name ? Buffer.from(edit(await entry.async('string'))) : await entry.async('nodebuffer')]);
  }
  return writeZip(parts);
}

const once = (xml: string, find: RegExp, replace: string) => {
  if (!find.test(xml)) throw new Error(`nothing matches ${find}`);
  return xml.replace(find, replace);
};

/** Name → bytes of each hostile shape; none of them holds a form, so each must fail, and fail alone. */
export async function hostileFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  // About 120 MB of document.xml in a zip of well under 1 MB: under both the expanded-size and the
  // ratio checks of the archive, so only a limit on the part itself stops it.
  files.set('huge-part.docx', await editZip('seed.docx', /^word\/document\.xml$/, (x) => {
    const rows = x.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    const block = rows.join('');
    const times = Math.ceil((120 * 1024 * 1024) / block.length);
    return x.replace(/<\/w:tbl>/, `${block.repeat(times)}</w:tbl>`);
  }));
  const row = (cells: number) => `|${' x |'.repeat(cells)}`;
  files.set('wide.md', Buffer.from(['| 项目名称 | 测试 |', '', row(10_000), `|${' --- |'.repeat(10_000)}`, row(10_000), row(10_000)].join('\n')));
  files.set('long.md', Buffer.from([row(4), `|${' --- |'.repeat(4)}`, ...Array.from({ length: 20_000 }, () => row(4))].join('\n')));
  files.set('quotes.md', Buffer.from(`${'>'.repeat(20_000)} 说明\n\n| 说明 | 无表单 |\n| --- | --- |\n| x | y |\n`));
  return files;
}

/** Files that look hostile but hold a real form: a reader must return it. */
export async function trickyGoodFiles(): Promise<Map<string, Buffer>> {
  const seed = fs.readFileSync(fixture('seed.md'), 'utf8');
  const files = new Map<string, Buffer>();
  // A span of 100 million columns, a row offset by 50 million: clamped to the table's own grid.
  // A sheet declaring 1,048,576 rows × 16,384 columns: sized by the cells it holds.
  files.set('dimension.xlsx', await editZip('seed.xlsx', /^xl\/worksheets\/sheet1\.xml$/, (x) => once(x, /<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')));
  files.set('gridspan.docx', await editZip('seed.docx', /^word\/document\.xml$/, (x) => once(x, /<w:tcPr>/, '<w:tcPr><w:gridSpan w:val="100000000"/>')));
  files.set('gridbefore.docx', await editZip('seed.docx', /^word\/document\.xml$/, (x) => once(x, /<w:tr>/, '<w:tr><w:trPr><w:gridBefore w:val="50000000"/></w:trPr>')));
  // Ten thousand emphasis markers in the prose above the form.
  files.set('stars.md', Buffer.from(`${'*'.repeat(10_000)}\n\n${seed}`));
  // Notepad's "Unicode": UTF-16 little-endian with a byte-order mark.
  files.set('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.replace('特保费用', '特保费用UTF16'), 'utf16le')]));
  // JavaScript's built-in names as header labels.
  // (`__proto__` escaped: written plain, Markdown reads it as bold "proto".)
  const labels = ['constructor', 'toString', 'valueOf', '\\_\\_proto\\_\\_', 'hasOwnProperty'];
  files.set('builtin-labels.md', Buffer.from(seed.replace(/\n\| *项目名称/, (m) => `${labels.map((l) => `\n| ${l} | x |  |  |  |  |`).join('')}${m}`)));
  return files;
}

export function writeAll(dir: string, files: Map<string, Buffer>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return [...files].map(([name, bytes]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
}
