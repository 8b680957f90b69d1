// Modules loaded when first needed (a parser, SheetJS's compound-file reader), so that a thread or a
// command that never meets their format never pays for loading them.

/** The module's promise, kept: a dynamic import of a loaded module still goes through resolution. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
