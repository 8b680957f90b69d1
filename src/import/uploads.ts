// The upload store: every file a user gave us, kept by content (sha256), so nothing is lost and a
// better reader can be run over history. A folder (FILINGS_UPLOADS), shared by queue workers.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadStore {
  readonly root: string;
  /** The fan-out folders made (or found) already: at most 256, each asked for once. */
  private readonly folders = new Set<string>();

  constructor(root: string = process.env.FILINGS_UPLOADS ?? './data/uploads') {
    this.root = root;
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Keeps the bytes (once: the same content twice is one file) and returns their sha256. */
  async put(bytes: Buffer, sha256 = sha256Of(bytes)): Promise<string> {
    const target = this.pathOf(sha256);
    // Asked without an exception: in a bulk enqueue nearly every file is new, and a rejected access()
    // builds an error object each time.
    if (existsSync(target)) return sha256;
    const dir = path.dirname(target);
    if (!this.folders.has(dir)) await this.makeFolder(dir);
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(tmp, bytes);
    } catch (e) {
      // The folder went away since it was made (a long-running server, a cleaned-up store): once more.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await this.makeFolder(dir);
      await fs.writeFile(tmp, bytes);
    }
    await fs.rename(tmp, target);
    return sha256;
  }

  private async makeFolder(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    this.folders.add(dir);
  }

  /**
   * Keeps a stream's bytes as put does, without holding them in memory: written to a temporary file
   * while hashed, then renamed to its content's name (or dropped, when that content is kept already).
   * Past maxBytes the stream is abandoned and nothing is kept.
   */
  async putStream(stream: Readable, maxBytes: number): Promise<{ sha256: string; size: number } | { tooLarge: true }> {
    await fs.mkdir(this.root, { recursive: true });
    const tmp = path.join(this.root, `.incoming-${randomBytes(8).toString('hex')}.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    let over = false;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) {
          over = true;
          done(new Error('too large'));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, count, createWriteStream(tmp));
    } catch (e) {
      await fs.rm(tmp, { force: true });
      if (over) {
        stream.resume();
        return { tooLarge: true };
      }
      throw e;
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    if (await fs.access(target).then(() => true, () => false)) await fs.rm(tmp, { force: true });
    else {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(tmp, target);
    }
    return { sha256, size };
  }

  get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
