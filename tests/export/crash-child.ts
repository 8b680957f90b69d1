// An export that dies between writing its batch and renaming it into place, as a machine that loses
// power would: the process is killed outright (SIGKILL), no cleanup runs.
import { runExport } from '../../src/export/batch.ts';
import type { ExportFormat } from '../../src/export/table-writer.ts';
import { openStore, type StoreOptions } from '../../src/store/open.ts';

const input = JSON.parse(process.argv[2]) as { opts: StoreOptions; format: ExportFormat; out: string };
const store = await openStore(input.opts);
await runExport(store, {
  format: input.format,
  out: input.out,
  beforeRename: (tmp) => {
    process.stdout.write(`${tmp}\n`);
    process.kill(process.pid, 'SIGKILL');
  },
});
