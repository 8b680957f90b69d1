#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx filings` works right after `npm ci`, no build step.
// The edge of the house: the program from src/cli plus the queue's commands from workers/, and the one
// handler that turns whatever ended a command into its line on stderr and its exit status.
import { register } from 'tsx/esm/api';

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

register();
({ exitFor } = await import('../src/cli/exit-codes.ts'));
const { program } = await import('../src/cli/main.ts');
const { addQueueCommands } = await import('../workers/cli.ts');
addQueueCommands(program);
await program.parseAsync(process.argv).catch(fatal);
