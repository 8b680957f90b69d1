// Why a filing asked for by id or by project and year can't be shown, as a value the CLI shows in one line.
export type LookupErrorCode = 'no_filing' | 'ambiguous_id' | 'ambiguous_filing';

export class LookupError extends Error {
  readonly code: LookupErrorCode;

  constructor(code: LookupErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'LookupError';
  }
}
