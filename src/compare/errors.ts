// Why a comparison can't be made, as a value the CLI shows in one line (and tests can tell apart).
export type CompareErrorCode = 'no_project' | 'ambiguous_project' | 'ambiguous_department' | 'no_filings' | 'unknown_group';

export class CompareError extends Error {
  readonly code: CompareErrorCode;

  constructor(code: CompareErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'CompareError';
  }
}
