// Writes schema/filing-record.schema.json from the zod schema (npm run schema).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordJsonSchemaText } from '../src/schema-json.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema/filing-record.schema.json');
fs.writeFileSync(file, recordJsonSchemaText());
process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
