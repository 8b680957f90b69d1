// The edge where values become output: one line per problem, never a stack trace.
import { asFilingError } from '../../parsers/index.ts';

export function fileProblem(file: string, e: unknown): string {
  const err = asFilingError(ioError(e) ?? e);
  if (process.env.FILINGS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return `filings: ${file}: ${err.message}`;
}

function ioError(e: unknown): Error | undefined {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new Error('no such file');
  if (code === 'EISDIR') return new Error('is a directory, not a file');
  if (code === 'EACCES') return new Error('permission denied');
  return undefined;
}
