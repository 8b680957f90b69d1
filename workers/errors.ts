// The queue commands' own failures, as values with a code (like parsers' FilingError): the CLI turns
// them into one line and exit 2, a program can branch on the code.
export type QueueErrorCode = 'redis_url' | 'redis_unreachable' | 'redis_lost';

export class QueueError extends Error {
  readonly code: QueueErrorCode;
  constructor(code: QueueErrorCode, message: string) {
    super(message);
    this.name = 'QueueError';
    this.code = code;
  }
}
