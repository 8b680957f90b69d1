// What importing fixtures/ must give, counted by hand from the fixture families (tests/form/expected),
// the comparison fixtures (scripts/fixtures/forms/compare.ts) and the review fixtures
// (scripts/fixtures/forms/review.ts).
export const FIXTURE_FORMS =
  6 + // real-04: 2 forms × docx, xlsx, md
  3 * 8 + // real-05, real-06, putuo-2026, wuhan-2020, older-scheme-2019, jiaxian-2016, fengjie-2023, system-split
  3 + // multi-3.md
  2 * 2 + // multi-2.docx, multi-2.xlsx
  1 + // percent.xlsx
  2 + // locale-formats.xlsx, locale-formats.xls
  1 + // title-above.docx
  2 + // covering-note.docx, covering-note.md
  5 + // seed.md, seed.docx, seed.xlsx, seed.xls, seed-gbk.xls
  2 + // gridbefore.docx, bookmark-rows.docx (wrong-ext.docx is seed.xlsx byte for byte: the same file)
  3 + // compare/road-2021.md, road-2022.docx, road-2023.xlsx: one project over three years
  3 + // compare/departments-2023.md: three departments' forms in one file
  // review/: one form per file; clean, lowered and copied in 2022 and 2023 (6), and one filing for
  // each of no-cost, no-satisfaction, no-quantitative, qualitative, empty-group, funding-sum,
  // dates-order, target-missing, duplicate (9)
  15 +
  // legacy/: the .doc (and one .wps) twins of 15 form-bearing .docx fixtures, real-04 and multi-2 with
  // two forms each, and real-06.et
  17 +
  1;

/** Files that fail, each with its reason code. */
export const FIXTURE_FAILURES: Record<string, string> = {
  'bad/bomb.docx': 'zip_bomb',
  'bad/corrupt.xlsx': 'corrupt',
  'bad/empty.docx': 'empty_file',
  'bad/encrypted.xlsx': 'encrypted',
  'bad/legacy.doc': 'corrupt',
  'bad/no-form.docx': 'no_form',
  'bad/no-form.md': 'no_form',
  'bad/picture.docx': 'unsupported_format',
  'bad/truncated.docx': 'corrupt',
  'dept-wide.docx': 'other_form',
  'legacy/dept-wide.doc': 'other_form',
  'legacy/real-11.doc': 'other_form',
  // Word and WPS files from public test suites (fixtures/SOURCES.txt): none is a form.
  'real-doc/61490.doc': 'no_form',
  'real-doc/Bug51686.doc': 'no_form',
  'real-doc/Bug51890.doc': 'no_form',
  'real-doc/Word6.doc': 'unsupported_format',
  'real-doc/password_password_cryptoapi.doc': 'encrypted',
  'real-doc/rasp.doc': 'no_form',
  'real-doc/wps_chinese_test11.doc': 'no_form',
  'real-11.docx': 'other_form',
  'real-11.md': 'other_form',
  'real-11.xlsx': 'other_form',
};
