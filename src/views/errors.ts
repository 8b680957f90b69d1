// Errors of the view functions that every edge maps to its own answer (an exit status, an HTTP
// status). Kept apart from the views so that the CLI's error table loads no rule or schema code.
export class UnknownRuleError extends Error {
  readonly code = 'unknown_rule';
  constructor(message: string) {
    super(message);
    this.name = 'UnknownRuleError';
  }
}
