// Report views at the CLI's edge, one way for every command that has them (compare, show, review):
// printed as tables, or written to CSV files and/or an xlsx workbook. A view may lay itself out
// narrower for a terminal than for a file.
import { writeCsvFiles } from '../report/csv.ts';
import { renderViews } from '../report/terminal.ts';
import type { ReportView } from '../report/view.ts';

export interface OutputFlags {
  csv?: string;
  xlsx?: string;
  json?: boolean;
}

export async function writeViews(flags: OutputFlags, toViews: (terminal: boolean) => ReportView[]): Promise<void> {
  if (!flags.csv && !flags.xlsx) {
    process.stdout.write(renderViews(toViews(true)));
    return;
  }
  const views = toViews(false);
  if (flags.csv) for (const f of writeCsvFiles(flags.csv, views)) process.stderr.write(`filings: wrote ${f}\n`);
  if (flags.xlsx) {
    // SheetJS and JSZip take about 110 ms to load: only a command writing a workbook loads them.
    const { writeXlsxReport } = await import('../report/xlsx.ts');
    await writeXlsxReport(flags.xlsx, views);
    process.stderr.write(`filings: wrote ${flags.xlsx} (${views.length + 1} sheets)\n`);
  }
}
