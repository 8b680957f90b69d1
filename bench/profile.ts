// Profiles our parse of one format's corpus: `node --cpu-prof --import tsx bench/profile.ts md`.
import fs from 'node:fs';
import path from 'node:path';
import { readRecords } from '../src/read-records.ts';

const format = process.argv[2] ?? 'md';
const dir = path.join(import.meta.dirname, '../.bench/n', format);
const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
const bytes = files.map((f) => fs.readFileSync(f));
for (let round = 0; round < 10; round++) for (let i = 0; i < bytes.length; i++) await readRecords(bytes[i], files[i]);
