// A store failure as one Error the import layer can catch and show: what the store was doing, then why.
export class StoreError extends Error {
  constructor(message: string, cause?: unknown) {
    super(cause === undefined ? message : `${message}: ${causeText(cause)}`, { cause });
    this.name = 'StoreError';
  }
}

function causeText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] || 'unknown error';
}

/** A database URL fit for a message: the password, if any, replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/:]*)(:[^@/]*)?@/, (_, user: string, pass?: string) => `//${user}${pass ? ':***' : ''}@`);
}

/** A feed's cursor was not where this export found it: two exports of one feed ran at once. */
export class ExportCursorMoved extends StoreError {
  readonly feed: string;
  readonly expected: number;

  constructor(feed: string, expected: number) {
    super(`export ${feed}: another export of this feed moved its cursor from ${expected} meanwhile; run again`);
    this.feed = feed;
    this.expected = expected;
    this.name = 'ExportCursorMoved';
  }
}

/**
 * A command that reads the store found none where it looked (no SQLite file, or one without our
 * tables; a PostgreSQL database without them). Kept apart from other store errors so that a cron job
 * pointed at the wrong place fails instead of reporting an empty store as success.
 */
export class NoStoreError extends StoreError {
  readonly code = 'no_store';
  readonly where: string;

  constructor(where: string) {
    super(`no store at ${where}`);
    this.where = where;
    this.name = 'NoStoreError';
  }
}

/** The store's schema is older than this program and the command may not upgrade it. */
export class StoreOutdatedError extends StoreError {
  readonly code = 'store_outdated';
  readonly where: string;
  readonly pending: string[];

  constructor(where: string, pending: string[]) {
    super(`the store at ${where} needs upgrading (pending migrations: ${pending.join(', ')})`);
    this.where = where;
    this.pending = pending;
    this.name = 'StoreOutdatedError';
  }
}
