import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../parsers/docx.ts';
import { fixture } from '../helpers/cli.ts';

const read = async (f: string) => parseDocx(fs.readFileSync(fixture(f)));

describe('Word tables become grids with their merged regions', () => {
  it('colspan and rowspan become merges; the value sits in the top-left cell', async () => {
    const { grids } = await read('seed.docx');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g.cells[0][0]).toBe('财政项目支出绩效目标填报表');
    expect(g.merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 6 });
    // 绩效指标 runs down the whole indicator block.
    const perf = g.cells.findIndex((row) => row[0] === '绩效指标');
    expect(g.merges.find((m) => m.r0 === perf && m.c0 === 0)?.r1).toBe(g.cells.length - 1);
  });

  it('rows that start one grid column in (w:gridBefore) are put back in their columns', async () => {
    const plain = (await read('seed.docx')).grids[0];
    const { grids, messages } = await read('gridbefore.docx');
    expect(grids[0].cells).toEqual(plain.cells);
    expect(messages.map((m) => m.message).join('\n')).toMatch(/row\(s\) start further in \(w:gridBefore\); realigned/);
  });

  it('a bookmark between rows no longer makes mammoth drop the vertical merges', async () => {
    const plain = (await read('seed.docx')).grids[0];
    const { grids, messages } = await read('bookmark-rows.docx');
    expect(grids[0].merges).toEqual(plain.merges);
    expect(messages.some((m) => /cell merging may be incorrect/.test(m.message))).toBe(false);
  });

  it('paragraphs above a table travel with it as its before lines', async () => {
    const { grids } = await read('title-above.docx');
    expect(grids[0].before.join('\n')).toMatch(/财政项目支出绩效目标申报表/);
  });
});
