// The edge where values become output: one line per problem, never a stack trace.
import { FilingError } from '../../parsers/errors.ts';
import { ioFailure } from '../import/io-failure.ts';

export function fileProblem(file: string, e: unknown): string {
  if (process.env.FILINGS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return `filings: ${file}: ${e instanceof FilingError ? e.message : ioFailure(file, e).message}`;
}
