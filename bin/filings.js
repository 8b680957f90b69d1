#!/usr/bin/env node
// Runs the compiled program in dist/ (`npm run build`, which `npm ci` runs through `prepare`): no
// TypeScript is compiled at start. The edge of the house: the program from src/cli plus the queue's
// commands from workers/, and the one handler that turns whatever ended a command into its line on
// stderr and its exit status.
import fs from 'node:fs';

// `filings failures | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
// Until src/cli/exit-codes.ts is loaded, anything that goes wrong is an error of the usage kind (2).
let exitFor = (e) => ({ exitCode: 2, message: e?.message ?? String(e) });
// FILINGS_DEBUG=1 shows the stack.
const fatal = (e) => {
  const { exitCode, message } = exitFor(e);
  if (message !== null) process.stderr.write(`filings: ${process.env.FILINGS_DEBUG ? (e?.stack ?? message) : message}\n`);
  process.exit(exitCode);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const dist = new URL('../dist/', import.meta.url);
if (!fs.existsSync(new URL('src/cli/main.js', dist))) {
  process.stderr.write('filings: not built yet: run `npm run build` (or `npm ci`) in the filings folder\n');
  process.exit(2);
}
({ exitFor } = await import(new URL('src/cli/exit-codes.js', dist).href));
const { program } = await import(new URL('src/cli/main.js', dist).href);
const { addQueueCommands } = await import(new URL('workers/cli.js', dist).href);
addQueueCommands(program);
const { addServeCommand } = await import(new URL('server/cli.js', dist).href);
addServeCommand(program);
await program.parseAsync(process.argv).catch(fatal);
