// One export at a time per feed folder. Run numbers are handed out in the order runs start, and a
// later run may rely on what the previous one left; two runs at once would break both. Each run
// first drops a lock file of its own, then looks for others: whoever looks second sees the first, so
// two runs never both go ahead (at worst, starting at the same instant, both step back). A lock
// whose process is gone (killed, power lost) is cleared by the next run on the same machine.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readTextIfAny } from './durable.ts';
import { FeedError } from './errors.ts';

const PREFIX = '.lock-';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Takes the folder's lock; the returned function releases it. Throws FeedError `busy` when another run holds it. */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const mine = `${PREFIX}${process.pid}-${randomUUID().slice(0, 8)}`;
  const me: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  await fs.writeFile(path.join(dir, mine), JSON.stringify(me), { flag: 'wx' });
  const release = () => fs.rm(path.join(dir, mine), { force: true });
  try {
    for (const entry of await fs.readdir(dir)) {
      if (!entry.startsWith(PREFIX) || entry === mine) continue;
      const holder = await readHolder(path.join(dir, entry));
      if (holder === null) continue;
      if (holder.host === me.host && !alive(holder.pid)) {
        await fs.rm(path.join(dir, entry), { force: true });
        continue;
      }
      throw new FeedError(
        'busy',
        `another export is writing to ${dir} (pid ${holder.pid} on ${holder.host}, since ${holder.since}); ` +
          `if none is running, delete ${path.join(dir, entry)} and run again`,
      );
    }
  } catch (e) {
    await release();
    throw e;
  }
  return release;
}

/** What a lock file says, or null when it vanished meanwhile (its run just ended). */
async function readHolder(file: string): Promise<Holder | null> {
  const text = await readTextIfAny(file);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Holder;
  } catch {
    // Written with one call, so a partial text is a run that is writing it right now.
    return { pid: Number.NaN, host: 'unknown', since: 'now' };
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
