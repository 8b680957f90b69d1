// Texts a form may hold that the programs around the reader must take for nothing but text.
import { markdownForm } from './markdown-form.ts';

/** Names every plain JavaScript object answers to, through its prototype. */
export const OBJECT_KEY_LABELS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];

/** Texts a spreadsheet would run as formulas. */
export const FORMULAS = {
  project: "=cmd|' /C calc'!A0",
  link: '=HYPERLINK("http://evil.example/","点我")',
  at: '@SUM(1)',
  minus: '-2+3',
};

/** Retitles the terminal window (OSC 0 … BEL), then clears the screen (CSI 2J). */
export const ESCAPES = '\x1b]0;owned\x07\x1b[2J';

/**
 * A 2021 form holding all of them: a formula for a project name, a department and an indicator with
 * escape sequences, formula indicator names, a negative amount (a number, to stay one), and two
 * numeric targets of one unit so that a comparison has a negative difference from the median.
 */
export const HOSTILE = {
  year: 2021,
  project: FORMULAS.project,
  department: `${ESCAPES}江城市某某局`,
  total: '-5',
  indicators: [
    [FORMULAS.link, '100%'],
    [FORMULAS.at, '80%'],
    [FORMULAS.minus, FORMULAS.minus],
    [`${ESCAPES}\x1b[31m红色指标\x1b[0m`, '90%'],
  ] as [string, string][],
};

export const hostileForm = () => markdownForm(HOSTILE);

/** The raw bytes a terminal would act on. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
