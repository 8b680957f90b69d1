// Amounts become numbers in 万元; a unit written in the cell wins over the form's unit.

export type AmountUnit = '万元' | '元';

const AMOUNT = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|万|元)?$/u;

/** The number in 万元, or undefined where the text is not an amount. Blank is null. */
export function parseAmount(text: string | null, formUnit: AmountUnit): number | null | undefined {
  if (text == null || text === '') return null;
  const m = AMOUNT.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ''));
  const unit = m[2] === '万' ? '万元' : ((m[2] as AmountUnit | undefined) ?? formUnit);
  return unit === '元' ? round6(n / 10000) : n;
}

export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
