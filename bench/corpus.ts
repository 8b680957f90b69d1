// A deterministic corpus of realistic forms for the benchmark: 15 to 40 indicators, long
// explanations, merged cells, written by the same real writers as the fixtures.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CellValue, FormSpec, Merge } from '../scripts/fixtures/spec.ts';
import { writeDocx } from '../scripts/fixtures/writers/docx.ts';
import { writeMd } from '../scripts/fixtures/writers/md.ts';
import { writeWorkbook } from '../scripts/fixtures/writers/xlsx.ts';

/** mulberry32: a tiny seeded generator, so every run builds the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS: [string, string[]][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];
const TARGETS = ['≥95%', '100%', '≤300万元', '24小时/天', '有所提高', '≥12万平方米', '不低于90%', '90%-100%', '及时', '≤1min'];
const WORDS = '考察项目实施后是否按照计划完成相关工作任务并对服务对象产生积极影响同时反映资金使用效率和管理规范程度';

const sentence = (r: () => number, min: number, max: number) => {
  const n = min + Math.floor(r() * (max - min));
  let s = '';
  for (let i = 0; i < n; i++) s += WORDS[Math.floor(r() * WORDS.length)];
  return `${s}。`;
};

export function benchForm(i: number): FormSpec {
  const r = rng(i + 1);
  const rows: CellValue[][] = [];
  const merges: Merge[] = [];
  const row = (...cells: CellValue[]) => rows.push([...cells, ...Array(7 - cells.length).fill('')]) - 1;
  const merge = (r0: number, c0: number, r1: number, c1: number) => merges.push({ r0, c0, r1, c1 });
  const total = Math.round(r() * 100000) / 100;
  merge(row('财政项目支出绩效目标申报表'), 0, 0, 6);
  merge(row('(2023年度)'), 0, 1, 6);
  merge(row('项目名称', `基准项目${i}号`, '项目类别', '经常性项目'), 3, 2, 6);
  merge(row('主管部门', `某区第${i % 37}局`, '实施单位', `某中心${i % 11}`), 3, 3, 6);
  merge(row('计划开始日期', '2023-01-01', '计划完成日期', '2023-12-31'), 3, 4, 6);
  const f = row('项目资金(万元)', '项目资金总额', String(total), '年度资金申请总额', String(total));
  merge(f, 4, f, 6);
  merge(row('', '其中:财政资金', String(total), '其中:当年财政拨款', String(total)), 4, f + 1, 6);
  merge(row('', '其他资金', '0', '其他资金', '0'), 4, f + 2, 6);
  merge(f, 0, f + 2, 0);
  const g = row('项目绩效目标', '项目总目标', '', '', '年度总目标');
  merge(g, 1, g, 3);
  merge(g, 4, g, 6);
  row('', sentence(r, 60, 160), '', '', sentence(r, 60, 160));
  merge(g + 1, 1, g + 1, 3);
  merge(g + 1, 4, g + 1, 6);
  merge(g, 0, g + 1, 0);
  const h = row('绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '指标解释', '目标值的确定');
  const count = 15 + Math.floor(r() * 26);
  let n = 0;
  for (const [l1, l2s] of GROUPS) {
    const l1Start = rows.length;
    for (const l2 of l2s) {
      const per = Math.max(1, Math.round(count / 9 + (r() - 0.5) * 2));
      const l2Start = rows.length;
      for (let k = 0; k < per; k++, n++) {
        row('', k === 0 && l2Start === l1Start ? l1 : '', k === 0 ? l2 : '', `指标${n}${sentence(r, 4, 12)}`, TARGETS[Math.floor(r() * TARGETS.length)], sentence(r, 30, 120), '实际工作情况');
      }
      if (per > 1) merge(l2Start, 2, rows.length - 1, 2);
    }
    merge(l1Start, 1, rows.length - 1, 1);
  }
  merge(h, 0, rows.length - 1, 0);
  return { name: `项目${i}`, rows, merges };
}

export type BenchFormat = 'docx' | 'xlsx' | 'md';

/** Writes n one-form files of a format into dir (skipping files already there) and returns their paths. */
export async function writeCorpus(dir: string, format: BenchFormat, n: number, offset = 0): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = offset; i < offset + n; i++) {
    const file = path.join(dir, `form-${String(i).padStart(6, '0')}.${format}`);
    files.push(file);
    try {
      await fs.access(file);
      continue;
    } catch {
      // build it
    }
    const spec = benchForm(i);
    const bytes = format === 'docx' ? await writeDocx([spec]) : format === 'xlsx' ? await writeWorkbook([spec], 'xlsx') : writeMd([spec]);
    await fs.writeFile(file, bytes);
  }
  return files;
}

/**
 * The .doc twins of docx files, written by LibreOffice into dir (skipping those already there), or
 * null when soffice is not installed: the corpus for the .doc parse, as the fixtures' twins are made.
 */
export async function writeDocCorpus(docxFiles: string[], dir: string): Promise<string[] | null> {
  await fs.mkdir(dir, { recursive: true });
  const twin = (f: string) => path.join(dir, path.basename(f).replace(/\.docx$/, '.doc'));
  const missing = docxFiles.filter((f) => !existsSync(twin(f)));
  if (missing.length) {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'filings-bench-soffice-'));
    try {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'doc', '--outdir', dir, ...missing], { stdio: 'ignore' });
    } catch {
      return null;
    } finally {
      await fs.rm(profile, { recursive: true, force: true });
    }
  }
  return docxFiles.map(twin);
}
