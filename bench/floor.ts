// The floor: the same bytes through the library we build on, alone.
import mammoth from 'mammoth';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as XLSX from 'xlsx';
import type { BenchFormat } from './corpus.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);

export async function floorParse(format: BenchFormat, bytes: Buffer): Promise<void> {
  if (format === 'docx') await mammoth.convertToHtml({ buffer: bytes });
  else if (format === 'xlsx') XLSX.read(bytes, { type: 'buffer' });
  else markdown.parse(bytes.toString('utf8'));
}
