// The file walk on real trees: links back up the tree, files reached twice, FIFOs, sockets and
// devices, broken links and missing paths. Nothing met on the way may stop or stall the walk.
// (Unreadable files and folders need a process that root's read override doesn't cover: they are
// checked through the CLI in walk-import.test.ts.)
// Runs beside others: its time checks allow 5 s for walks that take milliseconds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/import/scan.ts';
import { fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

let tmp: ReturnType<typeof tmpDir>;
let dir: (...p: string[]) => string;
beforeEach(() => {
  tmp = tmpDir('filings-scan-');
  dir = (...p) => path.join(tmp.dir, ...p);
});
afterEach(() => tmp.remove());

const timed = async (paths: string[]) => {
  const started = performance.now();
  const found = await scan(paths);
  return { found, seconds: (performance.now() - started) / 1000 };
};
const rel = (ps: string[]) => ps.map((p) => path.relative(tmp.dir, p));

describe('links', () => {
  it('two links back up the tree (sub/a -> .., sub/b -> ..) are not walked into: each file once, at once', async () => {
    // Followed naively, every level doubles the paths until ELOOP at depth 40: minutes.
    fs.mkdirSync(dir('top/sub'), { recursive: true });
    fs.copyFileSync(fixture('seed.md'), dir('top/seed.md'));
    fs.symlinkSync('..', dir('top/sub/a'));
    fs.symlinkSync('..', dir('top/sub/b'));
    fs.symlinkSync(tmp.dir, dir('top/sub/root'));
    const { found, seconds } = await timed([dir('top')]);
    expect(rel(found.files)).toEqual(['top/seed.md']);
    expect(found.failed).toEqual([]);
    expect(seconds).toBeLessThan(5);
  });

  it('a file reached through a file link, a folder link and a hard link is one file', async () => {
    fs.mkdirSync(dir('real'));
    fs.copyFileSync(fixture('seed.md'), dir('real/seed.md'));
    fs.symlinkSync('real', dir('linked'));
    fs.symlinkSync('real/seed.md', dir('seed-link.md'));
    fs.linkSync(dir('real/seed.md'), dir('seed-hard.md'));
    const { found } = await timed([tmp.dir, dir('real/seed.md')]);
    expect(found.files).toHaveLength(1);
    expect(found.skipped).toEqual([]);
  });

  it('a copy under another name is still its own file (the import tells duplicates by content)', async () => {
    fs.copyFileSync(fixture('seed.md'), dir('a.md'));
    fs.copyFileSync(fixture('seed.md'), dir('b.md'));
    expect(rel((await scan([tmp.dir])).files)).toEqual(['a.md', 'b.md']);
  });

  it('a broken link and a link to itself are failures with their reason, and the walk goes on', async () => {
    fs.copyFileSync(fixture('seed.md'), dir('seed.md'));
    fs.symlinkSync('gone.docx', dir('broken.docx'));
    fs.symlinkSync('self', dir('self'));
    const { found } = await timed([tmp.dir, dir('nosuch')]);
    expect(rel(found.files)).toEqual(['seed.md']);
    expect(found.failed.map((f) => [path.relative(tmp.dir, f.path), f.code, f.message])).toEqual([
      ['broken.docx', 'unreadable', 'broken symbolic link (its target does not exist)'],
      ['self', 'unreadable', 'too many levels of symbolic links'],
      ['nosuch', 'unreadable', 'no such file or folder'],
    ]);
  });
});

describe('files that are not files', () => {
  it('FIFOs (one named like a form), a socket and a device are skipped and counted, never opened', async () => {
    fs.copyFileSync(fixture('seed.md'), dir('seed.md'));
    // A FIFO opened for reading waits for a writer that never comes: the test would time out.
    execFileSync('mkfifo', [dir('pipe'), dir('pipe.docx')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(dir('sock'), resolve));
    try {
      const { found, seconds } = await timed([tmp.dir, '/dev/null', dir('pipe')]);
      expect(rel(found.files)).toEqual(['seed.md']);
      expect(found.skipped.sort()).toEqual(['/dev/null', dir('pipe'), dir('pipe.docx'), dir('sock')].sort());
      expect(found.failed).toEqual([]);
      expect(seconds).toBeLessThan(5);
    } finally {
      server.close();
    }
  });
});

describe('names', () => {
  it('a name that is not UTF-8 (GBK from a Windows archive) is a failure that says so, not "no such file"', async () => {
    const gbk = Buffer.from([0xcf, 0xee, 0xc4, 0xbf]); // 项目 in GBK
    fs.writeFileSync(Buffer.concat([Buffer.from(`${tmp.dir}/`), gbk, Buffer.from('.md')]), fs.readFileSync(fixture('seed.md')));
    const { failed } = await scan([tmp.dir]);
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toMatch(/^the file name is not UTF-8/);
  });

  it('a newline in a name is kept as it is: the path must still open the file', async () => {
    fs.copyFileSync(fixture('seed.md'), dir('two\nlines.md'));
    expect((await scan([tmp.dir])).files).toEqual([dir('two\nlines.md')]);
  });
});
