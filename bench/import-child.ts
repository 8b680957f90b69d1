// Runs one embedded import in its own process and reports its time and the process's peak RSS
// (worker threads included), so the benchmark measures memory without its own heap in the way.
import { runImport } from '../src/import/run.ts';

const [dir, db, uploads] = process.argv.slice(2);
const summary = await runImport([dir], { db, uploadsDir: uploads });
process.stdout.write(
  JSON.stringify({ seconds: summary.seconds, forms: summary.storedForms, failed: summary.failed.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
