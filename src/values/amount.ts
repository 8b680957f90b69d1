// Amounts become numbers in 万元; a unit written in the cell wins over the form's unit.

export type AmountUnit = '万元' | '元' | '千元' | '亿元';

/** How many 万元 one of each unit is. */
const IN_WAN: Record<AmountUnit, number> = { 万元: 1, 元: 1e-4, 千元: 0.1, 亿元: 1e4 };

// A currency symbol in front (a spreadsheet's currency format displays it) says nothing more: dropped.
const AMOUNT = /^[¥￥]?([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|万|千元|亿元|元)?$/u;

/** The number in 万元, or undefined where the text is not an amount. Blank is null. */
export function parseAmount(text: string | null, formUnit: AmountUnit): number | null | undefined {
  if (text == null || text === '') return null;
  const m = AMOUNT.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ''));
  const unit = m[2] === '万' ? '万元' : ((m[2] as AmountUnit | undefined) ?? formUnit);
  return unit === '万元' ? n : round6(n * IN_WAN[unit]);
}

export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * A target's number in 万元 where its unit is money (元, 万, 千元, 亿元; per something too: 元/人 →
 * 万元/人), so that 250万 sits beside ≤280万元; any other unit is returned as it is.
 */
export function inWan(value: number, unit: string | null): { value: number; unit: string | null } {
  if (unit === null) return { value, unit };
  const [money, ...per] = unit.split('/');
  const name = money === '万' ? '万元' : money;
  if (!Object.hasOwn(IN_WAN, name)) return { value, unit };
  const factor = IN_WAN[name as AmountUnit];
  return { value: round6(value * factor), unit: ['万元', ...per].join('/') };
}
