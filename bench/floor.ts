// The floor: the same bytes through the library we build on, alone.
import mammoth from 'mammoth';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as XLSX from 'xlsx';
import { useNativeInflate } from '../parsers/xlsx-inflate.ts';
import type { BenchFormat } from './corpus.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
// SheetJS as we run it: unpacking with Node's zlib (parsers/xlsx-inflate.ts), the floor included.
useNativeInflate();

export async function floorParse(format: BenchFormat, bytes: Buffer): Promise<void> {
  if (format === 'docx') await mammoth.convertToHtml({ buffer: bytes });
  else if (format === 'xlsx') XLSX.read(bytes, { type: 'buffer' });
  else markdown.parse(bytes.toString('utf8'));
}
