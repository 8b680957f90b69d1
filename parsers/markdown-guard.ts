// remark is thorough but not linear. Measured: a 29 KB list of `- - x` lines took 45 s, 44 KB of
// underlined (setext) headings 32 s, one paragraph of 5,000 `*` either side of a word 29 s, 2,000
// nested images 14 s, `>` x 20,000 overflowed the stack after a minute; a table costs about 0.1 ms
// and 10 KB per cell. One pass over the lines, before
// remark sees them, refuses the shapes that grow that way, with limits measured to keep any text that
// passes to a few seconds on a busy core.
import { FilingError } from './errors.ts';
import { limits, thousands } from './limits.ts';

const BLANK = /^\s*$/;
// A quote marker, or a list marker followed by a space or the end of the line (`**bold**` is neither).
const CONTAINER = /^[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
const DELIMITER_ROW = /^[\s|:-]+$/;
// `***` or `_ _ _` on a line of its own is a rule, not emphasis, and ends the paragraph above it.
const RULE = /^ {0,3}([*_])(?:[ \t]*\1){2,}[ \t]*$/;
// `===` or `---` under a line of text makes it a heading.
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Closing a quote or a list, and underlining a heading, make micromark copy every event it has
 * produced so far: each costs time in proportion to what came before it, about 0.5 µs for each line
 * and each level of nesting on it. This is their budget, in such units: about a second.
 */
const STRUCTURE_WORK = 1_500_000;
const UNDERLINE_WEIGHT = 3;
/**
 * Pairing up the marks of emphasis, strikethrough and links in one paragraph or table cell takes
 * time in the square of their number (about 0.3 µs times that). This is the budget of those squares
 * for the whole text: ten paragraphs at the limit, or a hundred thousand cells with a bold word each.
 */
const EMPHASIS_WORK = 10 * limits.markdown.maxEmphasisMarks ** 2;

export function guardMarkdown(text: string): void {
  const m = limits.markdown;
  if (text.length > m.maxChars) {
    throw new FilingError('too_large', `text too long (${thousands(text.length)} characters; the limit is ${thousands(m.maxChars)})`);
  }
  const tooLarge = (message: string) => new FilingError('too_large', message);
  const tooComplex = (message: string) => new FilingError('too_complex', message);
  let blockStart = 0;
  let blockLines = 0;
  let inTable = false;
  let previousText = false;
  let open = 0;
  let before = 0;
  let work = 0;
  let paragraphMarks = 0;
  let emphasisWork = 0;
  let cells = 0;
  let tables = 0;
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const at = `line ${thousands(i + 1)}`;
    const { rest, depth, firstList } = containers(lines[i]);
    if (depth > m.maxNesting) throw tooComplex(`nested too deeply (${at}: ${thousands(depth)} levels of quotes or lists; the limit is ${m.maxNesting})`);
    const blank = BLANK.test(rest) || RULE.test(rest);

    // A new list item closes what was open at its level and deeper, any other line what it does not
    // continue. A lazy line that continues a paragraph closes nothing, but counting it keeps this simple.
    const closed = firstList ? open - (firstList - 1) : open - depth;
    open = depth;
    work += Math.max(0, closed) * before;
    if (previousText && !inTable && UNDERLINE.test(rest)) work += UNDERLINE_WEIGHT * before;
    before += 1 + depth;
    if (work > STRUCTURE_WORK) throw tooComplex(`too many lists, quotes or underlined headings for a text this long (by ${at})`);
    previousText = !blank;

    if (blank) {
      blockLines = 0;
      inTable = false;
      paragraphMarks = 0;
      continue;
    }
    if (++blockLines === 1) blockStart = i;
    if (blockLines > m.maxBlockLines) {
      throw tooLarge(`table or paragraph too long (more than ${thousands(m.maxBlockLines)} lines without a blank line, from line ${thousands(blockStart + 1)})`);
    }

    const { pipes, marks } = count(rest);
    if (pipes) {
      const trimmed = rest.trim();
      const columns = Math.max(1, pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && !trimmed.endsWith('\\|') ? 1 : 0));
      if (columns > m.maxColumns) throw tooLarge(`table too wide (${at}: ${thousands(columns)} columns; the limit is ${m.maxColumns})`);
      cells += columns;
      if (cells > m.maxCells) throw tooLarge(`tables too large together (more than ${thousands(m.maxCells)} cells by ${at})`);
      if (DELIMITER_ROW.test(rest) && rest.includes('-')) {
        inTable = true;
        if (++tables > limits.maxTables) throw tooLarge(`too many tables (more than ${thousands(limits.maxTables)} by ${at})`);
      }
    }
    // A table's cells are read one by one, a paragraph's text as a whole: marks add up per paragraph.
    // (A row stands for its cells, which can only overstate the cost.)
    const earlier = inTable ? 0 : paragraphMarks;
    const group = earlier + marks;
    if (!inTable) paragraphMarks = group;
    if (group > m.maxEmphasisMarks) {
      throw tooComplex(`too many *, _, ~, [ and ] in one ${inTable ? 'table row' : 'paragraph'} (more than ${thousands(m.maxEmphasisMarks)} by ${at})`);
    }
    emphasisWork += group ** 2 - earlier ** 2;
    if (emphasisWork > EMPHASIS_WORK) throw tooComplex(`too many *, _, ~, [ and ] for one text (by ${at})`);
  }
}

/**
 * The quote and list markers a line starts with, as levels of nesting (a list's indentation nests
 * it further, two spaces a level), and the level of its first list marker (0 for none).
 */
function containers(line: string): { rest: string; depth: number; firstList: number } {
  let rest = line;
  let markers = 0;
  let firstList = 0;
  const indent = Math.floor(width(/^[ \t]*/.exec(line)![0]) / 2);
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    markers++;
    if (!firstList && !match[0].trimStart().startsWith('>')) firstList = markers + indent;
    rest = rest.slice(match[0].length);
  }
  return { rest, depth: markers + (firstList ? indent : 0), firstList };
}

const width = (indent: string) => [...indent].reduce((w, ch) => w + (ch === '\t' ? 4 : 1), 0);

/** Unescaped pipes, and unescaped marks of emphasis (* _), strikethrough (~) and links ([ ]), in one pass. */
function count(text: string): { pipes: number; marks: number } {
  let pipes = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c) i++;
    else if (ch === 0x7c) pipes++;
    else if (ch === 0x2a || ch === 0x5f || ch === 0x7e || ch === 0x5b || ch === 0x5d) marks++;
  }
  return { pipes, marks };
}
