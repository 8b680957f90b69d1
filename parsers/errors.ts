// Errors are values with a code a program can branch on and a message a person can read.
// Thrown across the pipeline, caught at the edge (CLI, worker) and turned into one line.

export type ErrorCode =
  | 'empty_file'
  | 'too_large'
  | 'zip_bomb'
  | 'unsupported_format'
  | 'corrupt'
  | 'encrypted'
  | 'no_form'
  | 'other_form'
  | 'invalid_record'
  | 'unreadable'
  | 'timeout'
  | 'memory_limit';

export class FilingError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'FilingError';
    this.code = code;
  }
}

const IO_REASONS = new Map([
  ['ENOENT', 'no such file'],
  ['EISDIR', 'is a directory, not a file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ELOOP', 'too many levels of symbolic links'],
]);

/**
 * Any thrown thing as a FilingError: a file-system error by its reason, a library's error as
 * `unreadable` with its own first line.
 */
export function asFilingError(e: unknown, fallback: ErrorCode = 'unreadable'): FilingError {
  if (e instanceof FilingError) return e;
  const io = IO_REASONS.get(String((e as { code?: unknown })?.code));
  if (io) return new FilingError('unreadable', io);
  const text = e instanceof Error ? e.message : String(e);
  return new FilingError(fallback, text.split('\n')[0].slice(0, 300) || 'unknown error');
}
