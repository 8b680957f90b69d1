// A label is text from the form, and text can be anything: labels that are also the names of what
// every JavaScript object inherits (constructor, __proto__, …) must read like any unknown label.
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import { OBJECT_KEY_LABELS } from '../helpers/hostile-text.ts';
import { markdownForm } from '../helpers/markdown-form.ts';

async function read(md: string) {
  const { records } = await readRecords(Buffer.from(md), 'labels.md');
  expect(records).toHaveLength(1);
  return records[0];
}

describe.each(OBJECT_KEY_LABELS)('a header field labelled %s', (label) => {
  it('reads to a valid record with the label and its value in extras', async () => {
    const record = await read(markdownForm({ fields: [[label, '某某值']] }));
    expect(Object.hasOwn(record.project.extras, label)).toBe(true);
    expect(Object.entries(record.project.extras)).toEqual([[label, '某某值']]);
    expect(record.project.name).toBe('(派出所)特保费用');
    expect(record.unmapped).toEqual([]);
  });

});

// A label in running text is 2 to 12 characters long (header.ts, labelledPairs): hasOwnProperty is too long.
it.each(OBJECT_KEY_LABELS.filter((l) => l.length <= 12))('%s:value in a line above the table is kept in extras', async (label) => {
  const record = await read(markdownForm({ above: [`${label}:某某值`] }));
  expect(Object.entries(record.project.extras)).toEqual([[label, '某某值']]);
});

it('all of them on one form, each under its own label, written out as JSON', async () => {
  const record = await read(markdownForm({ fields: OBJECT_KEY_LABELS.map((l, i) => [l, `值${i}`]) }));
  expect(Object.entries(record.project.extras)).toEqual(OBJECT_KEY_LABELS.map((l, i) => [l, `值${i}`]));
  expect(JSON.parse(JSON.stringify(record)).project.extras).toEqual(JSON.parse(JSON.stringify(record.project.extras)));
  expect(JSON.stringify(record.project.extras)).toBe(`{${OBJECT_KEY_LABELS.map((l, i) => `"${l}":"值${i}"`).join(',')}}`);
});

it('a row of indicator cells that say these words is an indicator, not the header of another block', async () => {
  const [a, b, c, d] = OBJECT_KEY_LABELS.filter((l) => l !== '__proto__');
  const record = await read(markdownForm({ indicators: [['特种保安巡逻覆盖率', '100%'], [a, b, c, d]] }));
  expect(record.indicators.map((i) => [i.name, i.level2Code, i.target?.raw, i.explanation, i.basis])).toEqual([
    ['特种保安巡逻覆盖率', 'quantity', '100%', '考察完成情况。', '合同文件'],
    [a, 'quantity', b, c, d],
  ]);
});
