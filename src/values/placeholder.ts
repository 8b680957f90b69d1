// A value that only marks where to stamp or sign (填报单位:(盖章)) says nothing about the project: the
// contract reads it as blank.
import { normalizeText } from '../text/normalize.ts';

const PLACEHOLDER = /^\(?\s*(?:盖章|签章|签字|签名|公章|签字盖章|盖章签字|单位盖章|盖章处|签字处|签章处)\s*\)?$/u;
/** Normalised, the longest a placeholder can be: ( 签字盖章 ). */
const LONGEST = 8;

export const isPlaceholder = (text: string): boolean => isNormalPlaceholder(normalizeText(text));

/** isPlaceholder for a text already normalised: the reader asks it of every cell (each placeholder has 章 or 签). */
export const isNormalPlaceholder = (text: string): boolean =>
  text.length <= LONGEST && (text.includes('章') || text.includes('签')) && PLACEHOLDER.test(text);
