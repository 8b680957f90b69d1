#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx filings` works right after `npm ci`, no build step.
// The edge of the house: the program from src/cli plus the queue's commands from workers/.
import { register } from 'tsx/esm/api';

// `filings failures | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
// Anything unforeseen still reaches the user as one line; FILINGS_DEBUG=1 shows the stack.
const fatal = (e) => {
  process.stderr.write(`filings: ${process.env.FILINGS_DEBUG ? e?.stack : (e?.message ?? e)}\n`);
  process.exit(2);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

register();
const { program } = await import('../src/cli/main.ts');
const { addQueueCommands } = await import('../workers/cli.ts');
addQueueCommands(program);
await program.parseAsync(process.argv);
