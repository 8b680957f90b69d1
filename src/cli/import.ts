// `filings import PATH...` (and `filings reparse`): the embedded import with its summary, as prose on
// stderr and, with --json, as one JSON document on stdout.
import path from 'node:path';
import { runImport, type ImportOptions, type ImportSummary } from '../import/run.ts';
import { oneLine } from '../text/one-line.ts';
import { redactUrl } from '../store/errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { progressReporter } from './progress.ts';
import { storeOptions, type StoreFlags } from './store-options.ts';

export async function importCommand(
  paths: string[],
  flags: StoreFlags & { verbose?: boolean; json?: boolean; reparse?: 'all' | 'failed' },
): Promise<ExitCode> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT.interrupted); // a second Ctrl-C: stop now; each file is one transaction
    process.stderr.write('\nfilings: stopping after the files in hand (Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const progress = progressReporter();
  const opts: ImportOptions = { ...storeOptions(flags), signal: controller.signal, onProgress: progress.update, reparse: flags.reparse };
  let summary: ImportSummary;
  try {
    summary = await runImport(paths, opts);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  printSummary(summary, flags, opts);
  if (flags.json) printJson(summaryJson(summary, opts));
  // A file that failed (or a named path that isn't there) is an input that failed: the run went on
  // without it, and a script must be able to tell. `filings failures` lists them afterwards.
  return summary.interrupted ? EXIT.interrupted : summary.failed.length ? EXIT.inputsFailed : EXIT.done;
}

function printSummary(s: ImportSummary, flags: { verbose?: boolean }, opts: ImportOptions): void {
  const out: string[] = [];
  if (flags.verbose) for (const m of s.messages) out.push(`filings: ${oneLine(m.path)}: ${oneLine(m.message)}`);
  out.push(
    `filings: ${s.interrupted ? 'interrupted after' : 'done in'} ${s.seconds.toFixed(1)} s: ${s.files} files seen, ` +
      `${s.storedForms} forms stored from ${s.storedFiles} files (${s.writtenForms} written), ${s.present} already present, ` +
      `${s.failed.length} failed, ${s.skipped} skipped (not Word, Excel or Markdown)`,
  );
  for (const f of [...s.failed].sort((a, b) => a.path.localeCompare(b.path))) out.push(`  failed: ${oneLine(f.path)}: ${oneLine(f.message)}`);
  out.push(`filings: store ${opts.databaseUrl ? 'PostgreSQL' : path.resolve(opts.db ?? '')}, originals in ${path.resolve(opts.uploadsDir ?? '')}`);
  process.stderr.write(`${out.join('\n')}\n`);
}

function summaryJson(s: ImportSummary, opts: ImportOptions) {
  return {
    interrupted: s.interrupted,
    seconds: Number(s.seconds.toFixed(3)),
    files: s.files,
    storedFiles: s.storedFiles,
    storedForms: s.storedForms,
    writtenForms: s.writtenForms,
    present: s.present,
    skipped: s.skipped,
    failed: [...s.failed].sort((a, b) => a.path.localeCompare(b.path)),
    messages: s.messages,
    store: opts.databaseUrl ? { kind: 'postgres', location: redactUrl(opts.databaseUrl) } : { kind: 'sqlite', location: path.resolve(opts.db ?? '') },
    uploads: path.resolve(opts.uploadsDir ?? ''),
  };
}
