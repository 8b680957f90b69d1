// A value that only marks where to stamp or sign (填报单位:(盖章)) says nothing about the project: the
// contract reads it as blank.
import { normalizeText } from '../text/normalize.ts';

const PLACEHOLDER = /^\(?\s*(?:盖章|签章|签字|签名|公章|签字盖章|盖章签字|单位盖章|盖章处|签字处|签章处)\s*\)?$/u;

export const isPlaceholder = (text: string): boolean => PLACEHOLDER.test(normalizeText(text));
