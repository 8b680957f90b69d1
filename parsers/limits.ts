// Input limits: a bureau's real forms are a few hundred KB; anything far beyond is a mistake or an attack.
// Each is checked before the thing it guards is allocated, so a hostile file costs milliseconds, not memory.
import { FilingError } from './errors.ts';

const positive = (env: string | undefined, fallback: number) => {
  const n = Number(env);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const mb = (env: string | undefined, fallback: number) => positive(env, fallback) * 1024 * 1024;
const count = (env: string | undefined, fallback: number) => Math.floor(positive(env, fallback));

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
  /**
   * Most cells in a file's tables, all tables together (a real form has a few hundred). The Word reader
   * holds about 7 KB per cell while it works, so this also keeps mammoth within memory.
   */
  maxCells: count(process.env.FILINGS_MAX_CELLS, 200_000),
  /** Most tables (Word tables, sheets, Markdown tables) in one file. */
  maxTables: count(process.env.FILINGS_MAX_TABLES, 1000),
  /** Widest a Word cell may span, or a row be offset, when its table declares no grid columns. */
  defaultGridColumns: 64,
  /** Excel's own sheet width; settings for columns beyond it are damage or an attack. */
  sheetColumns: 16_384,
  markdown: {
    /**
     * remark reads about 100-200 KB of Markdown a second on one core (tables are the slow part), so
     * this is roughly the most that reads in about 2 s; a real form is 2-5 thousand characters.
     */
    maxChars: count(process.env.FILINGS_MAX_MARKDOWN_CHARS, 200_000),
    /** remark holds about 10 KB per table cell and takes 0.1 ms for each. */
    maxCells: count(process.env.FILINGS_MAX_MARKDOWN_CELLS, 20_000),
    maxColumns: 256,
    /** Lines of one table or paragraph (no blank line between): long paragraphs grow worse than linearly. */
    maxBlockLines: 2000,
    /** Quote and list markers before one line's text; deeper nesting overflows the parser's stack. */
    maxNesting: 32,
    /** Unescaped * _ ~ [ ] in one paragraph or table row: pairing them up takes time in the square of their number. */
    maxEmphasisMarks: 500,
  },
};

/** Numbers in messages as people write them: 1,000,000. */
export const thousands = (x: number) => x.toLocaleString('en-US');

/** The one wording of the file limit, for whoever checks it first (the size on disk, or the bytes). */
export function tooLarge(size: number): FilingError {
  return new FilingError('too_large', `file too large (${mib(size)}; limit ${mib(limits.maxFileBytes)})`);
}

/** A table refused for its size, in the words every parser uses. */
export function tableTooLarge(where: string, cells: number): FilingError {
  return new FilingError('too_large', `${where} too large (${thousands(cells)} cells; the limit is ${thousands(limits.maxCells)})`);
}

/**
 * A file's share of `maxCells`: each table is reserved before its rectangle is allocated, and refused
 * when it, or the file's tables together, would pass the limit.
 */
export class CellBudget {
  private used = 0;

  take(cells: number, where: string): void {
    if (cells > limits.maxCells) throw tableTooLarge(where, cells);
    if (this.used + cells > limits.maxCells) {
      throw new FilingError('too_large', `tables too large together (${thousands(this.used + cells)} cells by ${where}; the limit is ${thousands(limits.maxCells)})`);
    }
    this.used += cells;
  }
}

/** A size as people read it: 1.5 MB, 12 KB. */
export function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
