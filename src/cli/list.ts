// `filings list`: one line per stored filing the filters keep, as aligned columns (year, department
// with its code, project, indicators, file and place in it, id); the count on stderr. The names come
// from forms and file names: renderTable shows their control characters escaped.
import { renderTable } from '../report/terminal.ts';
import type { FilingFilter } from '../store/store.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function listCommand(flags: StoreFlags & FilingFilter & { json?: boolean }): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const { year, department, project, level1, level2 } = flags;
    const rows = await store.listFilings({ year, department, project, level1, level2 });
    if (flags.json) printJson({ filings: rows });
    else {
      const lines = rows.map((r) => [
        r.fiscalYear === null ? '-' : String(r.fiscalYear),
        (r.department ?? '-') + (r.departmentCode ? ` [${r.departmentCode}]` : ''),
        r.projectName ?? '-',
        `${r.indicators} indicators`,
        `${r.fileName} (${r.locator})`,
        r.id,
      ]);
      if (lines.length) process.stdout.write(renderTable(lines));
    }
    process.stderr.write(`filings: ${rows.length} filing${rows.length === 1 ? '' : 's'}\n`);
    return EXIT.done;
  } finally {
    await store.close();
  }
}
