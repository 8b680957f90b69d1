// What auditors read: filings (a list with its filters, one in full, its original), the comparisons
// and the review, as JSON or (?format=xlsx|csv) as the same tables the CLI writes.
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { UploadStore } from '../src/import/uploads.ts';
import { viewCsv } from '../src/report/csv.ts';
import { matrixViews, spreadViews } from '../src/report/department-views.ts';
import { projectViews } from '../src/report/project-views.ts';
import type { ReportView } from '../src/report/view.ts';
import { xlsxReport } from '../src/report/xlsx.ts';
import { findingsView } from '../src/review/findings-view.ts';
import { shortId } from '../src/show/ids.ts';
import type { FilingFilter, Store } from '../src/store/store.ts';
import { normalizeText } from '../src/text/normalize.ts';
import { departmentsYear, projectYears } from '../src/views/compare.ts';
import { filingCounts } from '../src/views/filing-counts.ts';
import { filingInFull } from '../src/views/filing.ts';
import { review, ruleCodes } from '../src/views/review.ts';
import { requires, signedIn } from './auth.ts';
import { badRequest, notFound } from './http-errors.ts';

type Query = Record<string, string | undefined>;

const text = (q: Query, key: string) => {
  const v = q[key]?.trim();
  return v ? v.slice(0, 200) : undefined;
};
const yearOf = (q: Query, key: string) => {
  const v = text(q, key);
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw badRequest(`${key} 须为四位年份，如 2023`);
  return Number(v);
};

/** The views as a download, or null for JSON. */
async function download(reply: FastifyReply, q: Query, name: string, views: () => ReportView[]): Promise<FastifyReply | null> {
  const format = text(q, 'format');
  if (format === undefined || format === 'json') return null;
  if (format === 'xlsx') {
    const bytes = await xlsxReport(views());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`)
      .send(bytes);
  }
  if (format === 'csv') {
    // One table per CSV: the first, the main one (the workbook has them all).
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(viewCsv(views()[0]));
  }
  throw badRequest('format 须为 json、xlsx 或 csv');
}

const FULL_ID = /^[0-9a-f]{64}:\d{1,6}$/;
const ID_PREFIX = /^[0-9a-f]{4,64}(:\d{1,6})?$/;

export function viewRoutes(app: FastifyInstance, ctx: { store: Store; uploads: UploadStore }): void {
  const { store, uploads } = ctx;

  app.get('/api/me', { preHandler: signedIn }, async (req) => ({ name: req.caller!.name, role: req.caller!.role }));

  app.get<{ Querystring: Query }>('/api/filings', { preHandler: requires('read') }, async (req) => {
    const q = req.query;
    const filter: FilingFilter = { year: yearOf(q, 'year'), department: text(q, 'department'), project: text(q, 'project') };
    const codes = ruleCodes(text(q, 'finding'));
    const all = await store.listFilings();
    let rows = Object.values(filter).some((v) => v !== undefined) ? await store.listFilings(filter) : all;
    const words = text(q, 'q');
    if (words) {
      const w = normalizeText(words);
      rows = rows.filter((r) => [r.projectName, r.department, r.departmentCode, r.fileName].some((v) => v !== null && normalizeText(v).includes(w)));
    }
    const counts = await filingCounts(store, all);
    if (codes) rows = rows.filter((r) => [...(counts.rules.get(r.id) ?? [])].some((c) => codes.has(c)));
    const limit = Math.min(Number(text(q, 'limit') ?? 200) || 200, 1000);
    const offset = Math.max(Number(text(q, 'offset') ?? 0) || 0, 0);
    return {
      total: rows.length,
      items: rows.slice(offset, offset + limit).map((r) => ({ ...r, shortId: shortId(r.id), findings: counts.findings.get(r.id) ?? 0, warnings: counts.warnings.get(r.id) ?? 0 })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/filings/:id', { preHandler: requires('read') }, async (req) => {
    if (!ID_PREFIX.test(req.params.id)) throw notFound('没有这份填报表');
    return filingInFull(store, { id: req.params.id });
  });

  app.get<{ Params: { id: string } }>('/api/filings/:id/original', { preHandler: requires('read') }, async (req, reply) => {
    const id = req.params.id;
    if (!FULL_ID.test(id)) throw notFound('没有这份填报表');
    const [stored] = await store.records([id]);
    if (!stored) throw notFound('没有这份填报表');
    const sha = stored.record.source.sha256;
    const file = uploads.pathOf(sha);
    if (!fs.existsSync(file)) throw notFound('原件不在上传目录中');
    const name = stored.record.source.file;
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    // Never the file's own type: a browser must save it, not render it.
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(fs.createReadStream(file));
  });

  app.get<{ Querystring: Query }>('/api/compare/years', { preHandler: requires('read') }, async (req, reply) => {
    const q = req.query;
    const project = text(q, 'project');
    if (!project) throw badRequest('请给出项目名称（project）');
    const c = await projectYears(store, { project, department: text(q, 'department'), from: yearOf(q, 'from'), to: yearOf(q, 'to'), group: text(q, 'group') });
    return (await download(reply, q, 'compare-years', () => projectViews(c))) ?? c;
  });

  app.get<{ Querystring: Query }>('/api/compare/departments', { preHandler: requires('read') }, async (req, reply) => {
    const q = req.query;
    const year = yearOf(q, 'year');
    if (year === undefined) throw badRequest('请给出年度（year）');
    const c = await departmentsYear(store, { year, group: text(q, 'group'), department: text(q, 'department') });
    return (await download(reply, q, 'compare-departments', () => [...matrixViews(c.matrix), ...(c.spread ? spreadViews(c.spread) : [])])) ?? c;
  });

  app.get<{ Querystring: Query }>('/api/review', { preHandler: requires('read') }, async (req, reply) => {
    const q = req.query;
    const codes = ruleCodes(text(q, 'code'));
    const { findings, reviewed } = await review(store, { year: yearOf(q, 'year'), department: text(q, 'department'), project: text(q, 'project') }, codes);
    return (await download(reply, q, 'review', () => [findingsView(findings, reviewed)])) ?? { findings };
  });
}
