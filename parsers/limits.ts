// Input limits: a bureau's real forms are a few hundred KB; anything far beyond is a mistake or an attack.

const mb = (env: string | undefined, fallback: number) => {
  const n = Number(env);
  return (Number.isFinite(n) && n > 0 ? n : fallback) * 1024 * 1024;
};

export const limits = {
  /** Largest input file read at all. */
  maxFileBytes: mb(process.env.FILINGS_MAX_FILE_MB, 50),
  /** Largest total a zip (docx/xlsx) may declare it expands to. */
  maxExpandedBytes: mb(process.env.FILINGS_MAX_EXPANDED_MB, 200),
  /** Largest expansion ratio of a single zip entry. */
  maxRatio: 1000,
};
