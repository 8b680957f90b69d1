// Writing files so that a crash leaves either the old state or the new one: data flushed to disk
// before anything points at it, and a rename (atomic on one filesystem) to make it visible.
import fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** An append-only file: write as you go, then sync and close. */
export class DurableFile {
  private constructor(private readonly handle: FileHandle) {}

  static async create(file: string): Promise<DurableFile> {
    return new DurableFile(await fs.open(file, 'wx'));
  }

  async append(data: string | Uint8Array): Promise<void> {
    await this.handle.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  async close(): Promise<void> {
    try {
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
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

export async function writeDurable(file: string, data: string): Promise<void> {
  const f = await DurableFile.create(file);
  await f.append(data);
  await f.close();
}
