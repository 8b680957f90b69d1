// The SQL of the read side (listings, records for comparisons, the warehouse feed, feed cursors),
// written once with `?` placeholders for both backends like sql.ts.
import { resolveLevel } from '../levels.ts';
import { normalizeText } from '../text/normalize.ts';
import type { SqlValue } from './rows.ts';
import type { FilingFilter } from './store.ts';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export const READ_SQL = {
  listFilings: (where: string) => `SELECT f.id, f.seq, f.fiscal_year, f.department, f.department_code, f.project_name,
      f.file_name, f.locator, f.funding_total, f.annual_total, (SELECT count(*) FROM indicators i WHERE i.filing_id = f.id) AS indicators
    FROM filings f${where ? ` WHERE ${where}` : ''}`,

  records: (ids: number) => `SELECT seq, record_json FROM filings WHERE id IN (${marks(ids)}) ORDER BY seq`,

  lastChange: `SELECT max(seq) AS seq FROM (SELECT max(seq) AS seq FROM filings
    UNION ALL SELECT max(seq) AS seq FROM filing_removals UNION ALL SELECT max(seq) AS seq FROM upload_names) AS latest`,
  // Every name, also of contents with no filing (yet): a reparse that later reads one needs no new name.
  feedNames: `SELECT seq, sha256, file_name, path, first_seen FROM upload_names WHERE seq > ? AND seq <= ? ORDER BY seq`,
  feedFilings: `SELECT * FROM filings WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
  feedIndicators: `SELECT i.*, f.seq, f.fiscal_year, f.department, f.department_code, f.project_name
    FROM indicators i JOIN filings f ON f.id = i.filing_id
    WHERE f.seq >= ? AND f.seq <= ? ORDER BY f.seq, i.position`,
  // A form removed and then stored again is alive: its new row (a higher seq) is what counts.
  feedRemovals: `SELECT r.id, r.seq, r.removed_at FROM filing_removals r
    WHERE r.seq > ? AND r.seq <= ? AND NOT EXISTS (SELECT 1 FROM filings f WHERE f.id = r.id) ORDER BY r.seq`,

  exportCursor: `SELECT seq FROM export_cursors WHERE name = ?`,
  // Both return the row they wrote, or nothing when another export got there first.
  insertExportCursor: `INSERT INTO export_cursors (name, seq, exported_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO NOTHING RETURNING name`,
  updateExportCursor: `UPDATE export_cursors SET seq = ?, exported_at = ? WHERE name = ? AND seq = ? RETURNING name`,
} as const;

/** Ids per `IN (…)` list: far below either engine's limit on bound parameters. */
export const ID_BATCH = 500;

const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause (without the keyword) and its parameters for a filter over `filings f`. */
export function filterSql(filter: FilingFilter): { where: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter.year !== undefined) {
    parts.push('f.fiscal_year = ?');
    params.push(filter.year);
  }
  if (filter.department) {
    const d = normalizeText(filter.department);
    parts.push(`(f.department LIKE ? ESCAPE '\\' OR f.department_code = ?)`);
    params.push(likeText(d), d);
  }
  if (filter.project) {
    parts.push(`f.project_name LIKE ? ESCAPE '\\'`);
    params.push(likeText(normalizeText(filter.project)));
  }
  for (const level of ['level1', 'level2'] as const) {
    const given = filter[level];
    if (!given) continue;
    const match = resolveLevel(level, given);
    const column = match.by === 'code' ? `${level}_code` : level;
    parts.push(`EXISTS (SELECT 1 FROM indicators i WHERE i.filing_id = f.id AND i.${column} = ?)`);
    params.push(match.value);
  }
  return { where: parts.join(' AND '), params };
}
