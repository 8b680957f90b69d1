// Errors are values with a code a program can branch on and a message a person can read.
// Thrown across the pipeline, caught at the edge (CLI, worker) and turned into one line.

export type ErrorCode =
  | 'empty_file'
  | 'too_large'
  | 'too_complex'
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

export function asFilingError(e: unknown, fallback: ErrorCode = 'unreadable'): FilingError {
  if (e instanceof FilingError) return e;
  const text = e instanceof Error ? e.message : String(e);
  return new FilingError(fallback, text.split('\n')[0].slice(0, 300) || 'unknown error');
}

/**
 * A reader's stack overflow as what it is: the file nests its elements deeper than the reader can
 * follow. Anything else is handed back unchanged.
 */
export function stackOverflowAsError(e: unknown): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new FilingError('too_complex', 'nested too deeply to read (the reader ran out of stack)');
  }
  return e;
}
