// Input limits: a bureau's real forms are a few hundred KB; anything far beyond is a mistake or an attack.
// Each is checked before the thing it guards is allocated, so a hostile file costs milliseconds, not memory.

const positive = (env: string | undefined, fallback: number) => {
  const n = Number(env);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const mb = (env: string | undefined, fallback: number) => positive(env, fallback) * 1024 * 1024;

export const limits = {
  /** Largest input file read at all. */
  maxFileBytes: mb(process.env.FILINGS_MAX_FILE_MB, 50),
  /** Largest total a zip (docx/xlsx) may declare it expands to. */
  maxExpandedBytes: mb(process.env.FILINGS_MAX_EXPANDED_MB, 200),
  /** Largest expansion ratio of a single zip entry. */
  maxRatio: 1000,
  /**
   * Largest single part of an archive once unpacked (word/document.xml, a sheet). A real form's part is
   * well under 1 MB; mammoth needs about 130 MB of memory and 2 s per MB of document.xml, so 16 MB
   * keeps a worker far from the heap limit.
   */
  maxPartBytes: mb(process.env.FILINGS_MAX_PART_MB, 16),
};
