// Why an export could not run, as a value with a code a script can branch on. None of these is a
// failed input: each says the folder or the store is not fit for this run, so nothing was written and
// the feed's cursor did not move.
export type FeedErrorCode =
  /** The folder holds a feed of another format (its feed.json says which). */
  | 'other_feed'
  /** The folder holds files but no feed.json: not a feed folder, or one of the old layout. */
  | 'not_a_feed'
  /** feed.json is there but cannot be read as one. */
  | 'bad_feed_file'
  /** The folder cannot be created or written. */
  | 'unwritable'
  /** Another export is writing to this folder now. */
  | 'busy';

export class FeedError extends Error {
  readonly code: FeedErrorCode;
  constructor(code: FeedErrorCode, message: string) {
    super(message);
    this.name = 'FeedError';
    this.code = code;
  }
}
