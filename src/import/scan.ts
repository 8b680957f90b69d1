// Walks the paths a user named (files and folders, recursively) and picks the files to import.
// A file named like a form file is always taken (if it is broken, the failures list says why);
// any other file is taken only when its bytes are a Word, Excel or Markdown-with-a-table file.
import fs from 'node:fs/promises';
import path from 'node:path';

const FORM_NAMES = /\.(docx|xlsx|xlsm|xls|md|markdown)$/iu;

export interface ScanResult {
  files: string[];
  /** Files passed over: not Word, Excel or Markdown by their bytes. */
  skipped: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  missing: { path: string; reason: string }[];
}

export async function scan(paths: string[]): Promise<ScanResult> {
  const out: ScanResult = { files: [], skipped: [], missing: [] };
  const visit = async (p: string) => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      out.missing.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message });
      return;
    }
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      for (const name of entries) if (!name.startsWith('.')) await visit(path.join(p, name));
    } else if (stat.isFile()) {
      if (FORM_NAMES.test(p) || (await looksLikeForm(p))) out.files.push(p);
      else out.skipped.push(p);
    }
  };
  for (const p of paths) await visit(p);
  return out;
}

async function looksLikeForm(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
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
