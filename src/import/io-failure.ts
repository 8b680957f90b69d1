// Why a path could not be read, as a failure value the import lists and stores: a few words a clerk
// understands, never Node's `EACCES: permission denied, open '/the/path'`, which repeats the path
// (the failure already names it) and would carry any newline in the name into the message.
import { FilingError, type ErrorCode } from '../../parsers/errors.ts';

export interface PathFailure {
  path: string;
  code: ErrorCode;
  message: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'input/output error (a failing disk or network share?)',
  ESTALE: 'stale network file handle',
};

/** A file-system error by its reason; a FilingError (too large, not a regular file) as it is. */
export function ioFailure(path: string, e: unknown): PathFailure {
  if (e instanceof FilingError) return { path, code: e.code, message: e.message };
  const code = (e as NodeJS.ErrnoException)?.code;
  const message = (code && REASONS[code]) ?? withoutPath(e);
  return { path, code: 'unreadable', message };
}

function withoutPath(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Node's system errors end in `, <syscall> '<path>'`.
  return text.replace(/, \w+ '[\s\S]*$/u, '').split('\n')[0] || 'unknown error';
}
