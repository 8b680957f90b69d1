// Walks the paths a user named (files and folders, recursively) and picks the files to import.
// A file named like a form file is always taken (if it is broken, the failures list says why);
// any other file is taken only when its bytes are a Word, Excel or Markdown-with-a-table file.
// Nothing met on the way stops the walk: what can't be read is a failure with its reason.
import { constants, type BigIntStats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ioFailure, type PathFailure } from './io-failure.ts';

const FORM_NAMES = /\.(docx|doc|wps|xlsx|xlsm|xls|et|md|markdown)$/iu;

export interface ScanResult {
  files: string[];
  /** Passed over: not Word, Excel or Markdown by their bytes, or no regular file at all (FIFO, socket, device). */
  skipped: string[];
  /** Named paths that do not exist; folders and files that cannot be read; broken links. */
  failed: PathFailure[];
}

export async function scan(paths: string[]): Promise<ScanResult> {
  const out: ScanResult = { files: [], skipped: [], failed: [] };
  // Device and inode of everything met. Links are followed, so a link back up the tree
  // (sub/loop -> ..) would otherwise be walked again at each turn, its paths growing; and a file
  // reached through a link, a hard link or two named paths is one file, not two.
  const seen = new Set<string>();
  const once = (stat: BigIntStats) => {
    const id = `${stat.dev}:${stat.ino}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  const visit = async (p: string) => {
    let stat: BigIntStats;
    try {
      stat = await fs.stat(p, { bigint: true });
    } catch (e) {
      out.failed.push(await statFailure(p, e));
      return;
    }
    if (!once(stat)) return;
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = (await fs.readdir(p)).sort();
      } catch (e) {
        out.failed.push(ioFailure(p, e));
        return;
      }
      for (const name of entries) if (!name.startsWith('.')) await visit(path.join(p, name));
    } else if (stat.isFile()) {
      if (FORM_NAMES.test(p)) {
        out.files.push(p);
        return;
      }
      try {
        (await looksLikeForm(p)) ? out.files.push(p) : out.skipped.push(p);
      } catch (e) {
        out.failed.push(ioFailure(p, e));
      }
    } else {
      // A FIFO, socket or device: never opened (opening a FIFO waits for a writer, forever).
      out.skipped.push(p);
    }
  };
  for (const p of paths) await visit(p);
  return out;
}

/** "No such file" would be puzzling for a name `ls` shows: a link whose target is gone, a name that isn't UTF-8. */
async function statFailure(p: string, e: unknown): Promise<PathFailure> {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    const link = await fs.lstat(p).then((s) => s.isSymbolicLink(), () => false);
    if (link) return { ...ioFailure(p, e), message: 'broken symbolic link (its target does not exist)' };
    // Node reads names as UTF-8: one in GBK (unzipped from a Chinese Windows archive) comes back
    // with U+FFFD in it, which names no file on disk.
    if (p.includes('\uFFFD')) return { ...ioFailure(p, e), message: 'the file name is not UTF-8, so it cannot be opened (rename it, e.g. convmv -f gbk -t utf8)' };
  }
  return ioFailure(p, e);
}

async function looksLikeForm(file: string): Promise<boolean> {
  // Non-blocking, and checked again once open: the path was a regular file when it was looked at,
  // but if a FIFO took its place since, a plain open would wait forever.
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return false;
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      return head.includes('word/') || head.includes('xl/') || head.includes('[Content_Types].xml');
    }
    if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return true;
    if (head.includes(0)) return false;
    // Text: a Markdown pipe table (a delimiter row) makes it a candidate.
    return /^\s*\|?\s*:?-{3,}:?\s*\|/mu.test(head.toString('utf8'));
  } finally {
    await handle.close();
  }
}
