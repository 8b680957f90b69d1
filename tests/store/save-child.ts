// One importer process for the cross-process race in store.test.ts: opens the store, says `ready`,
// waits for a line on stdin so both processes start saving at the same moment, saves, prints the result.
import fs from 'node:fs';
import { once } from 'node:events';
import { openStore, type StoreOptions } from '../../src/store/open.ts';
import type { FilingRecord } from '../../src/schema.ts';
import type { UploadInfo } from '../../src/store/store.ts';

const input = JSON.parse(process.argv[2]) as { opts: StoreOptions; upload: UploadInfo; recordsFile: string };
const records = JSON.parse(fs.readFileSync(input.recordsFile, 'utf8')) as FilingRecord[];
const store = await openStore(input.opts);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
try {
  process.stdout.write(`${JSON.stringify(await store.saveRecords(input.upload, records))}\n`);
} finally {
  await store.close();
}
