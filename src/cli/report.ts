// The edge where values become output: one line per problem, never a stack trace.
import { asFilingError } from '../../parsers/index.ts';

export function fileProblem(file: string, e: unknown): string {
  const err = asFilingError(e);
  if (process.env.FILINGS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return `filings: ${file}: ${err.message}`;
}
