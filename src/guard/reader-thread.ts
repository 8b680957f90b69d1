// Entry of a reader thread in the compiled program (dist/). From the sources, reader-thread-tsx.mjs
// takes its place: a thread does not inherit the loader that runs the TypeScript of its parent.
export { readInThread as default } from './reader-task.ts';
