// Progress for long imports: a bar on a terminal, plain periodic lines in logs and cron mail.
import cliProgress from 'cli-progress';
import type { ImportProgress } from '../import/run.ts';
import { oneLine } from '../text/one-line.ts';

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; stop(): void } {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'importing [{bar}] {value}/{total} files | {file}', hideCursor: true, clearOnComplete: true, stream },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.total, 0, { file: '' });
        started = true;
        bar.update(p.done, { file: oneLine(p.file).slice(-40) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last >= 2000 || p.done === p.total) {
        last = now;
        stream.write(`filings: imported ${p.done}/${p.total} files\n`);
      }
    },
    stop() {},
  };
}
