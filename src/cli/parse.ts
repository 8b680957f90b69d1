// `filings parse FILE...`: the records of every file as one JSON array on stdout.
import fs from 'node:fs/promises';
import { readFile } from '../read-file.ts';
import type { FilingRecord } from '../schema.ts';
import { fileProblem } from './report.ts';

export async function parseCommand(files: string[], opts: { verbose?: boolean }): Promise<number> {
  const records: FilingRecord[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const result = await readFile(await fs.readFile(file), file);
      records.push(...result.records);
      if (opts.verbose) for (const m of result.messages) process.stderr.write(`filings: ${file}: ${m.level}: ${m.message}\n`);
    } catch (e) {
      failed++;
      process.stderr.write(`${fileProblem(file, e)}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 1 : 0;
}
