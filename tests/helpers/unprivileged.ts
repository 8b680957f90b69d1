// The real CLI in a process that file permissions apply to. Root reads through chmod 000 (the
// capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so as root the command runs under
// setpriv with both removed from its bounding set: still root, still able to write the temporary
// folders it owns, but a file or folder its owner can't read is unreadable to it, as on a
// bureau's file server. As any other user, chmod alone does it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { root, type Run } from './cli.ts';

const DROP = '-dac_override,-dac_read_search';

export function filingsWithPermissions(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const node = [process.execPath, path.join(root, 'bin/filings.js'), ...args];
  const [cmd, ...rest] = process.getuid?.() === 0 ? ['setpriv', `--bounding-set=${DROP}`, `--inh-caps=${DROP}`, ...node] : node;
  return new Promise((resolve) => {
    execFile(cmd, rest, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
