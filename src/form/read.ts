// One located form → one record (not yet validated). The steps, top to bottom of the table:
// title and year, header fields, the indicator block, footer lines, then the funding block and checks.
import { SCHEMA_VERSION } from '../codes.ts';
import type { FilingRecord } from '../schema.ts';
import { checkRecord } from './checks.ts';
import { readFunding, type UnreadableAmount } from './funding.ts';
import { readHeader } from './header.ts';
import { readIndicators } from './indicators.ts';
import { indicatorHeaderRows, type FormRegion } from './locate.ts';
import { readTitle } from './title.ts';
import { FormView } from './view.ts';
import { PROJECT_LABELS } from './vocabulary.ts';

export type Source = FilingRecord['source'];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

export interface FormReading {
  record: FilingRecord;
  /** How the reader repaired the layout, for --verbose. */
  notes: string[];
  /** Known money labels whose values are not amounts (kept as text in project.extras). */
  unreadableAmounts: UnreadableAmount[];
}

export function readForm(region: FormRegion, source: Source): FormReading {
  const view = new FormView(region.grid);
  const headerRow = indicatorHeaderRows(region.grid)[0] ?? view.height;
  const firstField = range(0, headerRow).find((r) => view.row(r).some((c) => PROJECT_LABELS.has(c.key))) ?? headerRow;

  const title = readTitle(view, region.grid.before, firstField);
  const header = readHeader(view, range(0, headerRow), region.grid.before);
  const block =
    headerRow < view.height
      ? readIndicators(view, headerRow, view.height, region.partTitles)
      : { indicators: [], emptyGroups: [], end: view.height, notes: [] };
  const footer = readHeader(view, range(block.end, view.height), [], header.project);
  const unreadableAmounts: UnreadableAmount[] = [];
  const funding = readFunding([...header.funding, ...footer.funding], header.unit, header.project.extras, unreadableAmounts);
  const project = header.project;
  const fiscalYear = title.year ?? (project.plannedStart ? Number(project.plannedStart.slice(0, 4)) : null);

  const record: FilingRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: `${source.sha256}:${source.formIndex}`,
    source,
    form: { title: title.title, fiscalYear },
    project,
    funding,
    goals: header.goals,
    indicators: block.indicators,
    emptyGroups: block.emptyGroups,
    unmapped: view.unmapped(),
    warnings: [],
  };
  record.warnings = checkRecord(record);
  return { record, notes: block.notes, unreadableAmounts };
}
