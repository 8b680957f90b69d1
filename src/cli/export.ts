// `filings export`: the warehouse feed. Prints what it wrote on stderr; exit 0 also when nothing
// changed since the last run (then nothing is written), 1 when the export failed.
import { runExport } from '../export/batch.ts';
import type { ExportFormat } from '../export/table-writer.ts';
import { ExportCursorMoved } from '../store/errors.ts';
import { openStore } from '../store/open.ts';
import { storeOptions, type StoreFlags } from './store-options.ts';

export async function exportCommand(flags: StoreFlags & { format: ExportFormat; out: string; full?: boolean }): Promise<number> {
  const store = await openStore(storeOptions(flags), 'read');
  try {
    const r = await runExport(store, { format: flags.format, out: flags.out, full: flags.full });
    if (r.batch === null) {
      process.stderr.write(`filings: nothing stored or changed since the last export to ${flags.out} (change ${r.after})\n`);
    } else {
      process.stderr.write(
        `filings: exported ${r.filings} filings, ${r.indicators} indicators` +
          (r.kind === 'incremental' ? `, ${r.removed} removed forms (changes ${r.after + 1} to ${r.upTo})` : ` (everything, up to change ${r.upTo})`) +
          ` to ${r.batch}\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof ExportCursorMoved) {
      process.stderr.write(`filings: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}
