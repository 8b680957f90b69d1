// `filings parse FILE...`: the records of every file as one JSON array on stdout. Files are read on
// reader threads under the per-file limits, a few at once, and printed in the order given.
import os from 'node:os';
import { createReaderPool } from '../guard/reader-pool.ts';
import { readInputFile } from '../import/read-input.ts';
import type { FileResult } from '../read-records.ts';
import type { FilingRecord } from '../schema.ts';
import { oneLine } from '../text/one-line.ts';
import { fileProblem } from './report.ts';

export async function parseCommand(files: string[], opts: { verbose?: boolean }): Promise<number> {
  const readers = createReaderPool({ threads: Math.min(files.length, os.availableParallelism()) });
  const read = async (file: string): Promise<FileResult | Error> => {
    try {
      return await readers.read(await readInputFile(file), file);
    } catch (e) {
      return e as Error;
    }
  };
  let failed = 0;
  const records: FilingRecord[] = [];
  try {
    // A window of files in hand: every reader busy, yet never all the files' bytes in memory at once.
    const window = readers.threads * 2;
    const pending = files.slice(0, window).map(read);
    for (const [i, file] of files.entries()) {
      const result = await pending[i];
      if (i + window < files.length) pending.push(read(files[i + window]));
      if (result instanceof Error) {
        failed++;
        process.stderr.write(`${oneLine(fileProblem(file, result))}\n`);
        continue;
      }
      records.push(...result.records);
      if (opts.verbose) for (const m of result.messages) process.stderr.write(`filings: ${oneLine(file)}: ${m.level}: ${oneLine(m.message)}\n`);
    }
  } finally {
    await readers.close();
  }
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 1 : 0;
}
