// The whole way through for one file: bytes → format → grids → forms → records → validation.
// The CLI, the embedded import and the queue worker all call this one function.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { FilingError, parseBytes, type ParseMessage } from '../parsers/index.ts';
import { locateForms } from './form/locate.ts';
import { readForm } from './form/read.ts';
import { FilingRecordSchema, type FilingRecord } from './schema.ts';

export interface FileResult {
  records: FilingRecord[];
  /** What the reader repaired or could not read, for --verbose; never part of a record. */
  messages: ParseMessage[];
  /** Per record (by form index), the known money fields whose values did not read as amounts. */
  unreadableAmounts: { formIndex: number; label: string; text: string }[];
}

const KIND_NAMES = { self_evaluation: 'a self-evaluation form', department: 'a department-wide form' } as const;

export async function readRecords(bytes: Buffer, fileName: string): Promise<FileResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = await parseBytes(bytes);
  const regions = locateForms(parsed.grids);
  const messages: ParseMessage[] = [...parsed.messages];
  const targets = regions.filter((r) => r.kind === 'target');
  for (const other of regions.filter((r) => r.kind !== 'target')) {
    messages.push({ level: 'info', message: `${other.grid.locator}: ${KIND_NAMES[other.kind as keyof typeof KIND_NAMES]} (${other.evidence}), not a target form; skipped` });
  }
  if (targets.length === 0) {
    const other = regions[0];
    if (other) {
      throw new FilingError('other_form', `not a performance-target form: found ${KIND_NAMES[other.kind as keyof typeof KIND_NAMES]} (${other.evidence})`);
    }
    const tables = parsed.grids.length;
    throw new FilingError('no_form', `no performance-target form found (${tables === 0 ? 'no tables' : `${tables} table${tables > 1 ? 's' : ''}, none a form`})`);
  }
  const unreadableAmounts: FileResult['unreadableAmounts'] = [];
  const records = targets.map((region, formIndex) => {
    const source = { file: path.basename(fileName), format: parsed.format, sha256, formIndex, locator: region.grid.locator };
    const { record, notes, unreadableAmounts: unreadable } = readForm(region, source);
    for (const n of notes) messages.push({ level: 'info', message: `${region.grid.locator}: ${n}` });
    for (const u of unreadable) {
      unreadableAmounts.push({ formIndex, ...u });
      messages.push({ level: 'warning', message: `${region.grid.locator}: ${u.label} ${JSON.stringify(u.text)} is not an amount; kept as text in project.extras` });
    }
    const checked = FilingRecordSchema.safeParse(record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new FilingError('invalid_record', `${region.grid.locator}: the record does not validate (${issue.path.join('.')}: ${issue.message})`);
    }
    return checked.data;
  });
  return { records, messages, unreadableAmounts };
}
