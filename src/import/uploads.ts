// The upload store: every file a user gave us, kept by content (sha256), so nothing is lost and a
// better reader can be run over history. A folder (FILINGS_UPLOADS), shared by queue workers.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export class UploadStore {
  readonly root: string;

  constructor(root: string = process.env.FILINGS_UPLOADS ?? './data/uploads') {
    this.root = root;
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Keeps the bytes (once: the same content twice is one file) and returns their sha256. */
  async put(bytes: Buffer, sha256 = sha256Of(bytes)): Promise<string> {
    const target = this.pathOf(sha256);
    try {
      await fs.access(target);
      return sha256;
    } catch {
      // not there yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    return sha256;
  }

  get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
