// Writing files so that a crash leaves either the old state or the new one: data flushed to disk
// before anything points at it, and a rename (atomic on one filesystem) to make it visible.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** What a finished file holds, for the manifest: a loader checks the file against it before trusting it. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** An append-only file: write as you go, then sync and close. Hashed as written, so it is never read back. */
export class DurableFile {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  private readonly handle: FileHandle;

  private constructor(handle: FileHandle) {
    this.handle = handle;
  }

  static async create(file: string): Promise<DurableFile> {
    return new DurableFile(await fs.open(file, 'wx'));
  }

  async append(data: string | Uint8Array): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await this.handle.write(buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  async close(): Promise<FileDigest> {
    try {
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Flushes a folder's entries (a rename into it, a new file) to disk. */
export async function syncDir(dir: string): Promise<void> {
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export async function writeDurable(file: string, data: string): Promise<FileDigest> {
  const f = await DurableFile.create(file);
  await f.append(data);
  return f.close();
}

/**
 * Replaces a file whole: readers see the old text or the new one, never a part (written aside under a
 * hidden `.tmp-` name, which loaders ignore and the feed's next run clears if this one dies, then renamed).
 */
export async function replaceDurable(file: string, data: string): Promise<void> {
  const aside = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${process.pid}`);
  await fs.rm(aside, { force: true });
  await writeDurable(aside, data);
  await fs.rename(aside, file);
}

/** A small file's text, or null when there is no such file (a feed file not written yet, a lock just released). */
export async function readTextIfAny(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
