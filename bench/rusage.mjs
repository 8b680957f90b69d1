// Preloaded into a `filings` process the benchmark runs (`node --import ./bench/rusage.mjs …`): on exit,
// the process's own CPU time and peak RSS (all its threads) go to the file FILINGS_BENCH_RUSAGE names.
import fs from 'node:fs';

const out = process.env.FILINGS_BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
  });
}
