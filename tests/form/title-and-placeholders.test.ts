// The title names the form: a sentence above the table never does, and the table's own title row wins
// over anything above it. A value that only marks where to stamp or sign is blank.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import { isPlaceholder } from '../../src/values/placeholder.ts';
import { fixture } from '../helpers/cli.ts';

const seed = fs.readFileSync(fixture('seed.md'), 'utf8');
const read = async (md: string) => (await readRecords(Buffer.from(md), 'form.md')).records[0];

describe('the title', () => {
  it('a covering note above a table whose first row is the title: the row is the title', async () => {
    const r = await read(`根据区财政局关于编报项目支出绩效目标的通知要求，现将财政项目支出绩效目标填报表报送如下。\n\n${seed}`);
    expect(r.form).toEqual({ title: '财政项目支出绩效目标填报表', fiscalYear: 2021 });
    expect(Object.keys(r.project.extras)).toEqual([]);
  });

  it('a covering note alone above a table without a title row is no title', async () => {
    const untitled = seed.replace('| 财政项目支出绩效目标填报表 |', '| |');
    const r = await read(`现将2021年度项目支出绩效目标申报表报送如下，请审核。\n\n${untitled}`);
    expect(r.form.title).toBeNull();
    expect(r.form.fiscalYear).toBe(2021);
  });

  it('a title line above the table still counts where the table has none', async () => {
    const untitled = seed.replace('| 财政项目支出绩效目标填报表 |', '| |');
    const r = await read(`项目支出绩效目标申报表\n\n${untitled}`);
    expect(r.form.title).toBe('项目支出绩效目标申报表');
  });
});

describe('stamp and signature placeholders', () => {
  it.each(['(盖章)', '（盖章）', '(签章)', '(签字)', '盖章处', '（ 签字 ）'])('%s is a placeholder', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });
  it.each(['某区民政局', '盖章单位名称', '(盖章)某区民政局', ''])('%s is not', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });

  it('填报单位:(盖章) above the table is the extras field 填报单位: null', async () => {
    const r = await read(`填报单位:（盖章）   单位:万元\n\n${seed}`);
    expect(r.project.extras).toEqual({ 填报单位: null });
  });

  it('a placeholder cell beside a label in the table is blank, not a value', async () => {
    const md = seed.replace('| 计划开始日期 |', '| 填报单位 | (盖章) | | | | | |\n| 计划开始日期 |');
    const r = await read(md);
    expect(r.project.extras).toEqual({ 填报单位: null });
    expect(r.unmapped.map((u) => u.text)).not.toContain('(盖章)');
  });
});
