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
  constructor(
    readonly feed: string,
    readonly expected: number,
  ) {
    super(`export ${feed}: another export of this feed moved its cursor from ${expected} meanwhile; run again`);
    this.name = 'ExportCursorMoved';
  }
}
