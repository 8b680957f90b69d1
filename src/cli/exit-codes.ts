// The exit status of every `filings` command, and which error means which, in this one place: the
// commands return these codes, and whatever they throw reaches bin/filings.js, which asks exitFor.
// Scripts and cron jobs rely on the table in the README; change both together.
import { CommanderError } from 'commander';
import { CompareError } from '../compare/errors.ts';
import { FeedError } from '../export/errors.ts';
import { LookupError } from '../show/errors.ts';
import { UnknownRuleError } from '../views/errors.ts';
import { NoStoreError, StoreError, StoreOutdatedError } from '../store/errors.ts';
import { terminalText } from '../text/terminal-safe.ts';

export const EXIT = {
  /** The command did all it was asked. */
  done: 0,
  /** The command ran to the end, but some inputs failed (files that could not be read, a comparison that could not be made). */
  inputsFailed: 1,
  /** The command could not run: a bad flag, a missing store, a database or Redis out of reach, anything unforeseen. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem the CLI reports in one line; `code` names it for scripts and tests, `exitCode` is its row of the table. */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode) {
    super(message);
    this.code = code;
    this.exitCode = exitCode;
    this.name = 'CliError';
  }
}

export interface Outcome {
  exitCode: ExitCode;
  /** The line to show on stderr (without the `filings: ` prefix); null when it was shown already. */
  message: string | null;
}

/** What an error that ended a command means for the user: its one line and the exit status. */
export function exitFor(e: unknown): Outcome {
  const o = outcome(e);
  // Messages quote file names, projects and departments as users and forms spell them.
  return o.message === null ? o : { exitCode: o.exitCode, message: terminalText(o.message) };
}

function outcome(e: unknown): Outcome {
  // Commander printed its own message (or the help, or the version) before throwing.
  if (e instanceof CommanderError) return { exitCode: e.exitCode === 0 ? EXIT.done : EXIT.usage, message: null };
  if (e instanceof CliError) return { exitCode: e.exitCode, message: e.message };
  if (e instanceof NoStoreError) return { exitCode: EXIT.usage, message: `${e.message} (import files first, or pass --db / FILINGS_DB / DATABASE_URL)` };
  if (e instanceof StoreOutdatedError) return { exitCode: EXIT.usage, message: `${e.message}; run \`filings migrate\`` };
  if (e instanceof StoreError || e instanceof FeedError) return { exitCode: EXIT.usage, message: e.message };
  if (e instanceof CompareError || e instanceof LookupError) return { exitCode: EXIT.inputsFailed, message: e.message };
  if (e instanceof UnknownRuleError) return { exitCode: EXIT.usage, message: e.message };
  return { exitCode: EXIT.usage, message: e instanceof Error ? e.message : String(e) };
}
